import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { execGit, git, withWorktreeLock } from '../git';

/** How each package manager rewrites its lockfile from the package.json files alone, running no scripts. */
const REGENERATE: Record<string, { program: string; args: string[] }> = {
  'package-lock.json': { program: 'npm', args: ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'] },
  'npm-shrinkwrap.json': { program: 'npm', args: ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'] },
  'pnpm-lock.yaml': { program: 'pnpm', args: ['install', '--lockfile-only', '--ignore-scripts'] },
  'yarn.lock': { program: 'yarn', args: ['install', '--mode', 'update-lockfile'] },
};

const TIMEOUT_MS = 5 * 60_000;

export function isLockfile(file: string): boolean {
  return basename(file) in REGENERATE;
}

/**
 * Lockfiles both sides changed, rewritten by their package manager from the merged package.json
 * files: a lockfile merged as text (or even as JSON) can be valid and still describe a dependency
 * tree no install would produce. The merged tree is checked out in a scratch worktree with ours'
 * lockfile in place and the package manager updates it. Undefined when a package manager is missing
 * or fails: the conflict then stands and the task is re-run or left to a person.
 */
export async function regenerateLockfiles(
  root: string,
  tree: string,
  lockfiles: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Map<string, string> | undefined> {
  const commit = (await git(root, ['commit-tree', tree, '-m', 'codewaves: lockfile regeneration'], { env })).trim();
  const path = join(tmpdir(), `codewaves-lockfile-${process.pid}-${Date.now()}`);
  await withWorktreeLock(root, () => git(root, ['worktree', 'add', '--detach', '-q', path, commit]));
  try {
    const regenerated = new Map<string, string>();
    for (const file of lockfiles) {
      const { program, args } = REGENERATE[basename(file)]!;
      const ok = await run(program, args, join(path, dirname(file)), env);
      if (!ok) return undefined;
      regenerated.set(file, await readFile(join(path, file), 'utf8'));
    }
    return regenerated;
  } finally {
    await execGit(root, ['worktree', 'remove', '--force', path]);
    await rm(path, { recursive: true, force: true });
    await execGit(root, ['worktree', 'prune']);
  }
}

function run(program: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(program, args, { cwd, env, timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error) => resolve(!error));
  });
}
