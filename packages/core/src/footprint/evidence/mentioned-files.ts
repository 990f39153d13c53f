import type { Candidate } from './candidate';
import { isInside } from '../../workspace';
import { CONVENTIONAL_FILE } from '../prompt/mentioned-paths';
import { kebabCase, splitIdentifier } from '../prompt/read-prompt';

/**
 * Paths and file names written in the prompt, and identifiers that name a file (`withHooks` ->
 * with-hooks.ts). In a task about tests an identifier that names only test files names those
 * (`increase timeout for of_type test` -> of_type.spec.ts).
 */
export function mentionedFiles(
  paths: readonly string[],
  identifiers: readonly string[],
  files: readonly string[],
  stems: ReadonlyMap<string, string[]>,
  projectRoot: string | undefined,
  testsByStem: ReadonlyMap<string, string[]> = new Map(),
  aboutTests = false,
  roots: readonly string[] = [],
): Candidate[] {
  const out: Candidate[] = [];
  for (const token of paths) {
    if (CONVENTIONAL_FILE.test(token)) {
      out.push(...conventionalFiles(token, files, roots));
      continue;
    }
    const suffix = files.filter((file) => file.endsWith(`/${token}`));
    // A bare name (`README.md`) or partial path that several files bear is no statement of which: the scope chooses.
    const stated = (token.includes('/') || suffix.length === 0) ? { stated: 'prompt' as const } : {};
    if (files.includes(token)) out.push({ path: token, score: 0.85, reason: `path "${token}" is in the prompt`, ...stated });
    else if (projectRoot && files.includes(`${projectRoot}/${token}`)) out.push({ path: `${projectRoot}/${token}`, score: 0.8, reason: `path "${token}" is in the prompt`, stated: 'prompt' });
    else {
      if (suffix.length > 0 && suffix.length <= 3) for (const file of suffix) out.push({ path: file, score: 0.6, reason: `file name "${token}" is in the prompt`, ...(suffix.length === 1 ? { stated: 'prompt' as const } : {}) });
      else if (suffix.length === 0 && token.includes('/') && /\.[a-z]{1,5}$/i.test(token)) {
        // A path that does not exist yet: a file the task will create, where the prompt says.
        const path = projectRoot && !files.some((file) => file.startsWith(`${token.split('/')[0]}/`)) ? `${projectRoot}/${token}` : token;
        out.push({ path, score: 0.7, reason: `new file "${token}" named in the prompt`, stated: 'prompt' });
      }
    }
  }
  for (const identifier of identifiers) {
    const spellings = new Set([identifier, identifier.toLowerCase(), kebabCase(identifier)]);
    const sources = [...spellings].map((stem) => (stems.get(stem) ?? []).filter((file) => !isTestFile(file)));
    const tests = aboutTests && sources.every((named) => named.length === 0) ? [...spellings].map((stem) => testsByStem.get(stem) ?? []) : [];
    for (const named of [...sources, ...tests]) {
      if (named.length > 0 && named.length <= 4) {
        // Files that share a long name are one thing's parts (a lint rule and its docs page), not
        // rival guesses: `no-multiple-actions-in-effects.ts` and `.md`.
        const share = splitIdentifier(identifier).length >= 3 ? 1 : Math.sqrt(named.length);
        for (const file of named) out.push({ path: file, score: 0.6 / share, reason: `file named after \`${identifier}\`` });
      }
    }
  }
  return out;
}

/**
 * "the README", "the component-store CHANGELOG": the file of that name (any extension) in the task's
 * projects, or, for a task with none, the workspace root's. It is the task's statement of where it works.
 */
function conventionalFiles(name: string, files: readonly string[], roots: readonly string[]): Candidate[] {
  const bearers = files.filter((file) => file.slice(file.lastIndexOf('/') + 1).split('.')[0] === name);
  // A project's own file, at its root: not a README of one of its folders.
  const atRootOf = (root: string, file: string) => isInside(root, file) && !(root === '' ? file : file.slice(root.length + 1)).includes('/');
  const chosen = bearers.filter((file) => (roots.length > 0 ? roots.some((root) => atRootOf(root, file)) : atRootOf('', file)));
  return chosen.slice(0, 3).map((path) => ({ path, score: 0.8, reason: `the task names its ${name}`, stated: 'prompt' as const }));
}

/** A JavaScript or TypeScript module (`.ts`, `.tsx`, `.mjs`, `.cjs`, ...). */
export function isCodeFile(file: string): boolean {
  return /\.[cm]?[jt]sx?$/.test(file);
}

/** Names of folders that hold tests, wherever they are. */
export const TEST_FOLDER_NAMES = ['__tests__', 'spec', 'specs', 'test', 'tests', 'e2e'] as const;
export const TEST_FOLDER = new RegExp(`(^|/)(${TEST_FOLDER_NAMES.join('|')})/`);

export function isTestFile(file: string): boolean {
  return TEST_FOLDER.test(file) || /\.(spec|test|e2e-spec|types?\.(spec|test)|test-d|spec-d)\.[cm]?[jt]sx?$/.test(file);
}

/** The stem of a file: `src/with-hooks.spec.ts` -> `with-hooks`. */
export function stemOf(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base.replace(/\.(d\.)?[cm]?[jt]sx?$|\.[a-z0-9]+$/i, '').replace(/\.(types?\.(spec|test)|e2e-spec|test-d|spec-d|spec|test|types|stories)$/i, '').replace(/\.(spec|test)$/, '');
}
