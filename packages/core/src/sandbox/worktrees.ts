import { existsSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { execGit, git, withWorktreeLock } from '../git';

export interface Worktree {
  taskId: string;
  path: string;
  branch: string;
  /** The commit the worktree started from. */
  base: string;
  /** Files the setup command left that git would see: never part of the task's commits. */
  setupFiles?: string[];
}

/**
 * Where worktrees live: outside the workspace, so Nx, TypeScript and Jest never pick the copies up
 * as extra projects. CODEWAVES_WORKTREES overrides; otherwise the user cache folder.
 */
export function worktreesRoot(workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.CODEWAVES_WORKTREES || join(env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : tmpdir()), 'codewaves', 'worktrees');
  const id = createHash('sha256').update(workspaceRoot).digest('hex').slice(0, 8);
  return join(base, `${basename(workspaceRoot)}-${id}`);
}

/**
 * One worktree and branch for a task, from `base`. node_modules folders of the workspace are
 * linked in rather than installed again; commits exclude the links (see commitWorktree).
 */
export async function createWorktree(options: {
  workspaceRoot: string;
  runId: string;
  taskId: string;
  branch: string;
  base: string;
  env?: NodeJS.ProcessEnv;
}): Promise<Worktree> {
  const path = join(worktreesRoot(options.workspaceRoot, options.env), options.runId, options.taskId);
  if (existsSync(path)) {
    // A previous attempt of the same run left it: start clean rather than reuse unknown state.
    await removeWorktree(options.workspaceRoot, path);
  }
  await mkdir(dirname(path), { recursive: true });
  await withWorktreeLock(options.workspaceRoot, () => simpleGit(options.workspaceRoot).raw(['worktree', 'add', '-B', options.branch, path, options.base]));
  await linkNodeModules(options.workspaceRoot, path);
  return { taskId: options.taskId, path, branch: options.branch, base: options.base };
}

export const LINKED_FOLDERS = ['node_modules'];

async function linkNodeModules(workspaceRoot: string, worktree: string): Promise<void> {
  for (const folder of LINKED_FOLDERS) {
    const source = join(workspaceRoot, folder);
    const target = join(worktree, folder);
    if (existsSync(source) && !existsSync(target)) await symlink(source, target, 'dir');
  }
}

/** Commits everything the agent changed on the task's branch. Returns the new head, or undefined if nothing changed. */
export async function commitWorktree(worktree: Worktree, message: string, author: { name: string; email: string }): Promise<string | undefined> {
  await git(worktree.path, ['add', '-A']);
  // The linked folders are ours, not the agent's: a `node_modules/` ignore rule does not match a
  // symlink, so unstage them rather than trust the user's .gitignore.
  await git(worktree.path, ['rm', '-r', '--cached', '-q', '--ignore-unmatch', '--', ...LINKED_FOLDERS, ...(worktree.setupFiles ?? [])]);
  const staged = await execGit(worktree.path, ['diff', '--cached', '--quiet']);
  if (staged.exitCode === 0) return undefined;
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
  // --no-verify: the user's hooks are for the user's commits; the wave's checks run on the merge.
  await git(worktree.path, ['commit', '--no-verify', '--no-gpg-sign', '-q', '-m', message], { env });
  return (await git(worktree.path, ['rev-parse', 'HEAD'])).trim();
}

export async function removeWorktree(workspaceRoot: string, path: string): Promise<void> {
  await withWorktreeLock(workspaceRoot, async () => {
    await execGit(workspaceRoot, ['worktree', 'remove', '--force', path]);
    await rm(path, { recursive: true, force: true });
    await execGit(workspaceRoot, ['worktree', 'prune']);
  });
}
