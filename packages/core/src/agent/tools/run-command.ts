import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveInside } from '../../sandbox';
import { commandEnvironment } from './command-env';
import { osSandboxAvailable, sandboxedCommand } from './os-sandbox';
import { commandVerdict, DEFAULT_COMMAND_POLICY } from './command-policy/command-policy';
import { stringArg, ToolArgumentError, type AgentTool } from './tool';

const DEFAULT_TIMEOUT_MS = 120_000;
const MAX_TIMEOUT_MS = 600_000;
const OUTPUT_CAP = 64 * 1024;
const KILL_GRACE_MS = 2_000;

export interface CommandOutcome {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs a shell command in the worktree and returns its outcome as a value: it never rejects. The
 * command gets its own process group, killed as a whole (SIGTERM, then SIGKILL) on timeout or
 * abort, so nothing it started outlives it; output is capped; secrets are not in its environment.
 */
export function runShellCommand(
  command: string,
  options: { cwd: string; timeoutMs: number; env: NodeJS.ProcessEnv; signal?: AbortSignal; confineTo?: string },
): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    // Confined: a temp folder of its own, removed when it ends.
    const tmp = options.confineTo && osSandboxAvailable(options.env) ? mkdtempSync(join(tmpdir(), 'codewaves-cmd-')) : undefined;
    const { program, args } = tmp ? sandboxedCommand(command, { cwd: options.cwd, worktree: options.confineTo!, tmp }) : { program: '/bin/sh', args: ['-c', command] };
    const child = spawn(program, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const take = (current: string, chunk: Buffer) => (current.length >= OUTPUT_CAP ? current : current + chunk.toString('utf8').slice(0, OUTPUT_CAP - current.length));
    child.stdout.on('data', (chunk: Buffer) => (stdout = take(stdout, chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = take(stderr, chunk)));
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
        setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, KILL_GRACE_MS).unref();
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    options.signal?.addEventListener('abort', killGroup, { once: true });
    const finish = (exitCode: number | null, signal: string | null) => {
      clearTimeout(timer);
      if (tmp) rmSync(tmp, { recursive: true, force: true });
      options.signal?.removeEventListener('abort', killGroup);
      resolve({ exitCode, signal, timedOut, stdout, stderr });
    };
    child.on('error', (error) => {
      stderr += String(error.message);
      finish(127, null);
    });
    child.on('close', (code, signal) => finish(code, signal));
  });
}

export const runCommandTool: AgentTool = {
  spec: {
    name: 'run_command',
    description:
      'Run a shell command in the workspace (for example the tests or the type checker). It runs in the workspace root or a sub-folder, without network credentials or secrets, and is stopped after timeoutSeconds (default 120). Commands that reach past this task (git push, git remote, git config, switching branches, publishing, gh, sudo) are refused. Where an OS sandbox is available, commands have no network and can write only inside the workspace and /tmp.',
    parameters: {
      type: 'object',
      properties: {
        command: { type: 'string' },
        cwd: { type: 'string', description: 'Folder relative to the workspace root; default the root.' },
        timeoutSeconds: { type: 'integer', minimum: 1, maximum: MAX_TIMEOUT_MS / 1000 },
      },
      required: ['command'],
      additionalProperties: false,
    },
  },
  async run(args, { roots, signal, env, commandPolicy }) {
    const command = stringArg(args, 'command')!;
    if (command.trim() === '') throw new ToolArgumentError('command must not be empty');
    const verdict = commandVerdict(command, commandPolicy ?? DEFAULT_COMMAND_POLICY);
    if (!verdict.allowed) {
      return {
        output: `refused by the command policy, nothing was run: ${verdict.reason}. If the task needs it, leave it to the user: say so in your finish summary (or ask_user).`,
        isError: true,
      };
    }
    const cwd = resolveInside(roots, stringArg(args, 'cwd', { optional: true }) || '.', 'write');
    const seconds = typeof args.timeoutSeconds === 'number' ? args.timeoutSeconds : DEFAULT_TIMEOUT_MS / 1000;
    const timeoutMs = Math.min(MAX_TIMEOUT_MS, Math.max(1000, seconds * 1000));
    const outcome = await runShellCommand(command, { cwd, timeoutMs, env: commandEnvironment(env ?? process.env), signal, confineTo: roots.worktree });
    const head = outcome.timedOut
      ? `stopped after ${timeoutMs / 1000} s (timeout)`
      : outcome.exitCode === null
        ? `killed by ${outcome.signal}`
        : `exit code ${outcome.exitCode}`;
    const cut = outcome.stdout.length >= OUTPUT_CAP || outcome.stderr.length >= OUTPUT_CAP ? `\n(output capped at ${OUTPUT_CAP} bytes per stream)` : '';
    return {
      output: `${head}\n--- stdout ---\n${outcome.stdout}\n--- stderr ---\n${outcome.stderr}${cut}`,
      isError: outcome.timedOut || outcome.exitCode !== 0,
    };
  },
};
