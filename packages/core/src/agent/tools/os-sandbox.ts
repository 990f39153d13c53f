import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

let available: boolean | undefined;

/**
 * Whether run_command can be confined by bubblewrap here: `bwrap` on the PATH and allowed to make
 * its namespaces (containers often forbid it). Probed once per process. CODEWAVES_OS_SANDBOX=off
 * turns it off.
 */
export function osSandboxAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CODEWAVES_OS_SANDBOX === 'off') return false;
  available ??= spawnSync('bwrap', ['--ro-bind', '/', '/', '--dev', '/dev', '--unshare-net', '--die-with-parent', 'true'], { timeout: 5_000, stdio: 'ignore' }).status === 0;
  return available;
}

/**
 * The argv that runs `command` with the whole file system read-only except the worktree, the
 * worktree's own git admin folder (so `git status` and `git diff` work; objects and refs stay
 * read-only, so the agent cannot commit or move branches) and a private temp folder (TMPDIR), and
 * with no network (a fresh network namespace). What the file tools refuse by path, the kernel now
 * refuses for commands too. /dev is a minimal one, with the host's /dev/shm visible read-only
 * (repositories may live there).
 */
export function sandboxedCommand(command: string, options: { cwd: string; worktree: string; tmp: string }): { program: string; args: string[] } {
  const gitDir = worktreeGitDir(options.worktree);
  return {
    program: 'bwrap',
    args: [
      '--ro-bind', '/', '/',
      '--dev', '/dev',
      ...(existsSync('/dev/shm') ? ['--ro-bind', '/dev/shm', '/dev/shm'] : []),
      '--proc', '/proc',
      '--bind', options.tmp, options.tmp,
      '--bind', options.worktree, options.worktree,
      ...(gitDir ? ['--bind', gitDir, gitDir] : []),
      '--setenv', 'TMPDIR', options.tmp,
      '--unshare-net',
      '--die-with-parent',
      '--chdir', options.cwd,
      '/bin/sh', '-c', command,
    ],
  };
}

/** A linked worktree's `.git` is a file naming its admin folder inside the main repository. */
function worktreeGitDir(worktree: string): string | undefined {
  const dotGit = join(worktree, '.git');
  try {
    if (!statSync(dotGit).isFile()) return undefined;
    const path = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    if (!path) return undefined;
    const absolute = isAbsolute(path) ? path : resolve(worktree, path);
    return existsSync(absolute) ? absolute : undefined;
  } catch {
    return undefined;
  }
}
