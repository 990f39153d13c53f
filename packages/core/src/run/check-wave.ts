import { existsSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { commandEnvironment, runShellCommand } from '../agent/tools';
import { execGit, git, withWorktreeLock } from '../git';
import { LINKED_FOLDERS, worktreesRoot } from '../sandbox';
import type { WorkspaceKind } from '../workspace';

export interface WaveCheck {
  ok: boolean;
  exitCode: number | null;
  output: string;
}

const CHECK_TIMEOUT_MS = 30 * 60_000;

/** What an Nx workspace checks after each wave unless told otherwise: what the wave affected. */
export const DEFAULT_NX_CHECK = 'npx nx affected -t lint,test,typecheck --base=$CODEWAVES_WAVE_BASE --head=$CODEWAVES_WAVE_HEAD';

/**
 * The check a run uses: the one given; none when it is "none" (or empty); in an Nx workspace, by
 * default, lint, test and typecheck of the projects the wave affected; elsewhere none, since there
 * is no convention to guess from.
 */
export function waveCheckCommand(option: string | undefined, workspaceKind: WorkspaceKind): string | undefined {
  if (option !== undefined) return option.trim() === '' || option.trim() === 'none' ? undefined : option;
  return workspaceKind === 'nx' ? DEFAULT_NX_CHECK : undefined;
}

/**
 * Runs the workspace's check command on the merged result of a wave, in a scratch worktree at the
 * integration head (node_modules linked), with CODEWAVES_WAVE_BASE and CODEWAVES_WAVE_HEAD set so an
 * Nx user can check only what the wave affected:
 * `npx nx affected -t lint,test,typecheck --base=$CODEWAVES_WAVE_BASE --head=$CODEWAVES_WAVE_HEAD`.
 */
export async function checkWave(options: { root: string; runId: string; wave: number; base: string; head: string; command: string; env: NodeJS.ProcessEnv }): Promise<WaveCheck> {
  const path = join(worktreesRoot(options.root, options.env), options.runId, `.check-wave-${options.wave}`);
  await execGit(options.root, ['worktree', 'remove', '--force', path]);
  await withWorktreeLock(options.root, () => git(options.root, ['worktree', 'add', '--detach', '-q', path, options.head]));
  try {
    for (const folder of LINKED_FOLDERS) {
      if (existsSync(join(options.root, folder)) && !existsSync(join(path, folder))) await symlink(join(options.root, folder), join(path, folder), 'dir');
    }
    const outcome = await runShellCommand(options.command, {
      cwd: path,
      timeoutMs: CHECK_TIMEOUT_MS,
      // No Nx daemon or terminal UI for a one-off check in a scratch worktree.
      env: { NX_DAEMON: 'false', NX_TUI: 'false', ...commandEnvironment(options.env), CODEWAVES_WAVE_BASE: options.base, CODEWAVES_WAVE_HEAD: options.head },
    });
    const output = `${outcome.stdout}${outcome.stderr ? `\n${outcome.stderr}` : ''}`.trim();
    return { ok: outcome.exitCode === 0 && !outcome.timedOut, exitCode: outcome.exitCode, output };
  } finally {
    await execGit(options.root, ['worktree', 'remove', '--force', path]);
    await execGit(options.root, ['worktree', 'prune']);
  }
}

/**
 * The tasks a failed check points at: those whose changed files (or their file names) the output
 * mentions; when it names none of them, every task merged in the wave, since any could be the cause.
 */
export function blameTasks(output: string, tasks: ReadonlyArray<{ id: string; files: readonly string[] }>): string[] {
  const named = tasks.filter((task) => task.files.some((file) => output.includes(file) || output.includes(file.slice(file.lastIndexOf('/') + 1))));
  return (named.length > 0 ? named : tasks).map((task) => task.id);
}
