import { spawnSync } from 'node:child_process';

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
 * The argv that runs `command` with the whole file system read-only except the worktree and a
 * private /tmp, and no network (a fresh network namespace has only a loopback that is down). What
 * the agent's tools refuse by path, the kernel now refuses for its commands too.
 */
export function sandboxedCommand(command: string, options: { cwd: string; writable: string }): { program: string; args: string[] } {
  return {
    program: 'bwrap',
    args: [
      '--ro-bind', '/', '/',
      '--dev', '/dev',
      '--proc', '/proc',
      '--tmpfs', '/tmp',
      // after /tmp: a worktree under the temp folder must stay visible and writable
      '--bind', options.writable, options.writable,
      '--unshare-net',
      '--die-with-parent',
      '--chdir', options.cwd,
      '/bin/sh', '-c', command,
    ],
  };
}
