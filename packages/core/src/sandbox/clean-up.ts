import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { execGit, git } from '../git';
import { worktreesRoot } from './worktrees';

export interface CleanResult {
  removedWorktrees: string[];
  deletedBranches: string[];
  /** Branches with work that is in no integration branch: kept unless forced. */
  keptBranches: string[];
}

/**
 * Removes a run's worktrees and the task branches whose work is already in the run's integration
 * branch. A branch holding commits that are not merged anywhere is kept (and named) unless forced;
 * the integration branch itself, the run's result, goes only when forced.
 */
export async function cleanRun(root: string, runId: string, options: { force?: boolean; only?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CleanResult> {
  const result: CleanResult = { removedWorktrees: [], deletedBranches: [], keptBranches: [] };
  const integration = `codewaves/${runId}`;
  const prefix = `codewaves/tasks/${runId}/`;
  const folder = join(worktreesRoot(root, options.env), runId);

  const listed = await git(root, ['worktree', 'list', '--porcelain']);
  for (const block of listed.split('\n\n')) {
    const path = /^worktree (.+)$/m.exec(block)?.[1];
    const branch = /^branch refs\/heads\/(.+)$/m.exec(block)?.[1];
    if (!path || !(path.startsWith(`${folder}/`) || branch?.startsWith(prefix))) continue;
    if (options.only && branch !== `${prefix}${options.only}`) continue;
    await execGit(root, ['worktree', 'remove', '--force', path]);
    result.removedWorktrees.push(path);
  }
  if (!options.only && existsSync(folder)) await rm(folder, { recursive: true, force: true });
  await execGit(root, ['worktree', 'prune']);

  const branches = (await git(root, ['for-each-ref', '--format=%(refname:short)', `refs/heads/${prefix}`])).split('\n').filter(Boolean);
  const hasIntegration = (await execGit(root, ['rev-parse', '--verify', '-q', `refs/heads/${integration}`])).exitCode === 0;
  for (const branch of branches) {
    if (options.only && branch !== `${prefix}${options.only}`) continue;
    const merged = hasIntegration && (await execGit(root, ['merge-base', '--is-ancestor', branch, integration])).exitCode === 0;
    if (merged || options.force) {
      await git(root, ['branch', '-D', '-q', branch]);
      result.deletedBranches.push(branch);
    } else result.keptBranches.push(branch);
  }
  if (!options.only && options.force && hasIntegration) {
    await git(root, ['branch', '-D', '-q', integration]);
    result.deletedBranches.push(integration);
  }
  return result;
}
