import { CodewavesError } from '../errors';
import { execGit, git } from './exec-git';

/** The top of the git repository that holds `cwd`, or a clear error when there is none. */
export async function findRepositoryRoot(cwd: string): Promise<string> {
  const outcome = await execGit(cwd, ['rev-parse', '--show-toplevel']).catch(() => undefined);
  if (!outcome || outcome.exitCode !== 0) {
    throw new CodewavesError('NOT_A_GIT_REPO', `${cwd} is not inside a git repository`, {
      hint: 'codewaves runs each agent in a git worktree: run `git init && git add -A && git commit -m init` first',
    });
  }
  return outcome.stdout.trim();
}

export async function headCommit(root: string): Promise<string> {
  const outcome = await execGit(root, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']);
  if (outcome.exitCode !== 0) {
    throw new CodewavesError('NO_COMMITS', `the repository at ${root} has no commits yet`, {
      hint: 'commit the workspace first: agents start from a commit',
    });
  }
  return outcome.stdout.trim();
}

/** Tracked files plus untracked files git does not ignore: what a user thinks of as the workspace. */
export async function listWorkspaceFiles(root: string): Promise<string[]> {
  const out = await git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  return [...new Set(out.split('\0').filter(Boolean))].sort();
}

/** Paths with uncommitted changes (staged, unstaged or untracked), for dirty-tree checks. */
export async function uncommittedPaths(root: string): Promise<string[]> {
  const out = await git(root, ['status', '--porcelain', '-z', '--untracked-files=all']);
  return out.split('\0').filter(Boolean).map((entry) => entry.slice(3));
}
