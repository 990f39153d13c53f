import { isInside } from '../../workspace';
import { singular } from '../prompt/read-prompt';
import type { Candidate } from './candidate';
import { foldersEachWordNames } from './scope';

/**
 * Below the write set and at the planner's default guard: an area is where the task may write,
 * not a file it names, so it keeps two tasks apart without counting as a prediction.
 */
export const NAMED_AREA = 0.3;
/** Folders that hold a project's layout rather than a part of it: naming them names nothing. */
const LAYOUT = new Set(['src', 'lib', 'libs', 'dist', 'test', 'spec', '__tests__', 'e2e', 'app', 'apps', 'package', 'module', 'docs', 'doc', 'example', 'script', 'tool']);
/** A folder with more of its project's files than this share is the project, not an area of it. */
const MOST_OF_PROJECT = 0.5;

/**
 * The areas of its projects a task's words name: "provide support for scoped events" in `signals`
 * may write anywhere in `signals/events/`, and so may "remove experimental flag from Events plugin
 * APIs". A word may name two folders that are one area laid out twice (`src/rules`, `spec/rules`).
 * Two such tasks rarely predict one file in common, yet they often edit the same ones. The
 * area is a pattern at the guard, so the planner keeps them apart, and apart from any task
 * predicted to write there; a path the scorer reads is never added.
 */
export function namedAreas(roots: readonly string[], words: readonly string[], files: readonly string[]): Candidate[] {
  if (roots.length === 0) return [];
  const named = [...foldersEachWordNames(roots, words, files).values()]
    .filter((folders) => folders.size === 1 || twins([...folders]))
    .flatMap((folders) => [...folders])
    .filter((folder) => !LAYOUT.has(singular(folder.slice(folder.lastIndexOf('/') + 1).toLowerCase())))
    .sort();
  if (named.length === 0) return [];
  const inRoots = files.filter((file) => roots.some((root) => isInside(root, file)));
  return named
    .filter((folder) => inRoots.filter((file) => isInside(folder, file)).length <= MOST_OF_PROJECT * inRoots.length)
    .map((folder) => ({ path: `${folder}/**`, pattern: true, score: NAMED_AREA, reason: `its words name ${folder}/: it may write anywhere there` }));
}

/**
 * Two folders that are one area: the same path but for a layout folder, as code and its tests
 * are laid out (`src/rules` and `spec/rules`). A word naming both names the area; a word naming
 * two unrelated folders names neither.
 */
function twins(folders: readonly string[]): boolean {
  if (folders.length !== 2) return false;
  const [a, b] = folders.map((folder) => folder.split('/')) as [string[], string[]];
  if (a.length !== b.length) return false;
  const differ = a.flatMap((segment, index) => (segment === b[index] ? [] : [index]));
  return differ.length === 1 && [a[differ[0]!]!, b[differ[0]!]!].every((segment) => LAYOUT.has(singular(segment.toLowerCase())));
}
