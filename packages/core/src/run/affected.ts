import { minimatch } from 'minimatch';
import { CodewavesError } from '../errors';
import { execGit } from '../git';
import { WRITE_THRESHOLD, type Footprint } from '../footprint';
import type { Task } from '../tasks';

/** Files changed since `base` (committed on this branch, or not committed yet). */
export async function changedFiles(root: string, base: string): Promise<string[]> {
  const committed = await execGit(root, ['diff', '--name-only', '--no-renames', `${base}...HEAD`]);
  if (committed.exitCode !== 0) {
    throw new CodewavesError('USAGE', `cannot compare with --base ${base}: ${committed.stderr.trim().split('\n')[0]}`, {
      hint: 'pass a branch, tag or commit that exists here (in CI, fetch it first: git fetch origin main)',
    });
  }
  const uncommitted = await execGit(root, ['status', '--porcelain', '--untracked-files=all', '--no-renames']);
  return [...new Set([...committed.stdout.split('\n'), ...uncommitted.stdout.split('\n').map((line) => line.slice(3))].filter(Boolean))].sort();
}

/**
 * The tasks a change affects: their task file changed, or their predicted footprint (writes or
 * reads the planner trusts) meets a changed file. Pure.
 */
export function affectedTasks(tasks: readonly Task[], footprints: ReadonlyMap<string, Footprint>, changed: readonly string[]): Task[] {
  const changedSet = new Set(changed);
  return tasks.filter((task) => {
    if (changedSet.has(task.file)) return true;
    const footprint = footprints.get(task.id);
    const entries = [...(footprint?.writes ?? []), ...(footprint?.reads ?? [])].filter((entry) => entry.confidence >= WRITE_THRESHOLD);
    return entries.some((entry) => (entry.pattern ? changed.some((file) => minimatch(file, entry.path, { dot: true })) : changedSet.has(entry.path)));
  });
}
