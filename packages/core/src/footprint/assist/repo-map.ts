import { isInside } from '../../workspace';
import type { CommitRecord } from '../sources/history';

/** Paths in the map: enough for a cheap model to place a change, small enough to cost a cent. */
const MAX_PATHS = 400;
const RECENT_COMMITS = 200;

/**
 * A compact view of where a task may land, for a model to read: the files of the task's projects
 * (or the whole workspace when it has none), folder by folder, the heuristic's candidates and the
 * recently changed files first when the budget runs out. One line per folder:
 * `libs/store/src/: index.ts, store.ts, with-hooks.ts`.
 */
export function repoMap(files: readonly string[], roots: readonly string[], candidates: readonly string[], history: readonly CommitRecord[], maxPaths = MAX_PATHS): string {
  const inside = (file: string) => roots.length === 0 || roots.some((root) => isInside(root, file));
  const pool = files.filter((file) => inside(file) && !file.includes('/node_modules/'));
  const rank = new Map<string, number>();
  candidates.forEach((file, index) => rank.set(file, index));
  let order = candidates.length;
  for (const commit of history.slice(0, RECENT_COMMITS)) for (const file of commit.files) if (!rank.has(file)) rank.set(file, order++);
  const chosen = pool.length <= maxPaths ? pool : [...pool].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b)).slice(0, maxPaths);

  const byFolder = new Map<string, string[]>();
  for (const file of [...chosen].sort()) {
    const slash = file.lastIndexOf('/');
    const folder = slash < 0 ? './' : `${file.slice(0, slash)}/`;
    const names = byFolder.get(folder) ?? [];
    names.push(file.slice(slash + 1));
    byFolder.set(folder, names);
  }
  const lines = [...byFolder].map(([folder, names]) => `${folder}: ${names.join(', ')}`);
  if (chosen.length < pool.length) lines.push(`(${pool.length - chosen.length} more files not shown)`);
  return lines.join('\n');
}
