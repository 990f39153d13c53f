import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { execGit, uncommittedPaths } from '../../git';
import type { AgentEvent, AgentOutcome } from '../agent-event';
import type { ConversationMessage } from '../model';
import { commandEnvironment } from '../tools/command-env';
import { CodexEventReader, isCodexEvent } from './codex-events';
import { substitutePrompt } from './command-line';

const OUTPUT_CAP = 64 * 1024;
const KILL_GRACE_MS = 2_000;
export const DEFAULT_COMMAND_TIMEOUT_MS = 30 * 60_000;

/** An external agent CLI, run in the worktree: serialisable, so the main thread decides and a worker runs it. */
export interface CommandAgentConfig {
  kind: 'command';
  /** argv; an argument holding `{prompt}` gets the prompt, and without one the prompt goes on stdin. */
  argv: string[];
  /** Environment variables the agent keeps although they look like secrets (its own API key). */
  allowEnv: string[];
  /** Stopped (its whole process group) after this long. Default 30 minutes. */
  timeoutMs?: number;
}

export interface RunCommandAgentOptions {
  prompt: string;
  /** A follow-up: the thread so far. The CLI has no memory of it, so the first request goes with the new one. */
  history?: readonly ConversationMessage[];
  worktree: string;
  signal?: AbortSignal;
  /** The environment to strip secrets from. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  onEvent?: (event: AgentEvent) => void;
}

/**
 * Runs an external agent CLI (codex exec, claude -p, aider) inside the task's worktree, never
 * through a shell: the prompt is one argv element or stdin. It gets its own process group, killed
 * as a whole on abort or timeout, and an environment without secrets except those allowed by name.
 * `codex exec --json` events become the thread's agent events; other output is kept, capped. Exit 0
 * completes the thread, anything else fails it with the reason; the files it changed are recorded.
 */
export async function runCommandAgent(config: CommandAgentConfig, options: RunCommandAgentOptions): Promise<AgentOutcome> {
  const emit = options.onEvent ?? (() => {});
  const worktree = realpathSync(options.worktree);
  const prompt = followUpPrompt(options.prompt, options.history);
  emit({ type: 'message', role: 'user', content: prompt });
  const before = (await execGit(worktree, ['rev-parse', 'HEAD'])).stdout.trim();
  const reader = new CodexEventReader(worktree);
  const { argv, stdin } = substitutePrompt(config.argv, prompt);
  const shown = config.argv;

  const run = await spawnAgent(argv, {
    cwd: worktree,
    env: commandEnvironment(options.env ?? process.env, config.allowEnv),
    stdin,
    timeoutMs: config.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    signal: options.signal,
    onLine: (line) => {
      const event = parseEvent(line);
      if (!event) return false;
      for (const agentEvent of reader.read(event)) emit(agentEvent);
      return true;
    },
  });
  for (const agentEvent of reader.end()) emit(agentEvent);

  const changed = await changedFiles(worktree, before);
  emit({ type: 'agent-process', command: shown, exitCode: run.exitCode, signal: run.signal, timedOut: run.timedOut, changed, stdout: run.stdout, stderr: run.stderr });

  const name = argv[0]!;
  const outcome = (status: AgentOutcome['status'], summary: string, error?: string): AgentOutcome => ({
    status,
    summary,
    turns: reader.turns,
    usage: { ...reader.usage },
    wrote: changed,
    ...(error ? { error } : {}),
  });
  if (options.signal?.aborted) return outcome('cancelled', `cancelled: ${name} was stopped`);
  if (run.spawnError) {
    const message = `cannot start the agent command \`${name}\`: ${run.spawnError}`;
    emit({ type: 'error', message });
    return outcome('failed', message, message);
  }
  if (run.exitCode === 0 && !run.timedOut) {
    return outcome('completed', reader.lastMessage?.trim() || lastLines(run.stdout) || `${name} exited 0`);
  }
  const how = run.timedOut
    ? `${name} was stopped after ${(config.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS) / 1000} s (timeout)`
    : run.exitCode === null
      ? `${name} was killed by ${run.signal}`
      : `${name} exited with code ${run.exitCode}`;
  const why = reader.failure ?? lastLines(run.stderr) ?? lastLines(run.stdout);
  const message = why ? `${how}: ${why}` : how;
  emit({ type: 'error', message });
  return outcome('failed', message, message);
}

/** The CLI starts with no memory of the thread: a follow-up carries the original request with it. */
function followUpPrompt(prompt: string, history: readonly ConversationMessage[] | undefined): string {
  const first = history?.find((message) => message.role === 'user');
  if (!first) return prompt;
  return `${first.content}\n\nThat work is in this folder already. Follow-up request:\n\n${prompt}`;
}

function parseEvent(line: string) {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return isCodexEvent(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What the process changed: uncommitted paths, and anything it committed itself since it started. */
async function changedFiles(worktree: string, before: string): Promise<string[]> {
  const paths = new Set(await uncommittedPaths(worktree));
  const after = (await execGit(worktree, ['rev-parse', 'HEAD'])).stdout.trim();
  if (before && after && after !== before) {
    for (const path of (await execGit(worktree, ['diff', '--name-only', before, after])).stdout.split('\n')) if (path) paths.add(path);
  }
  return [...paths].sort();
}

function lastLines(text: string, count = 5): string | undefined {
  const lines = text.trim().split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return undefined;
  const tail = lines.slice(-count).join('\n');
  return tail.length > 2000 ? tail.slice(-2000) : tail;
}

interface AgentRun {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  spawnError?: string;
  /** stdout lines that were not events, capped. */
  stdout: string;
  stderr: string;
}

function spawnAgent(
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; stdin: string | undefined; timeoutMs: number; signal?: AbortSignal; onLine: (line: string) => boolean },
): Promise<AgentRun> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(argv[0]!, argv.slice(1), {
        cwd: options.cwd,
        env: options.env,
        detached: true,
        shell: false,
        stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      // Some failures (an argument list too long) are thrown here rather than emitted.
      resolve({ exitCode: null, signal: null, timedOut: false, stdout: '', stderr: '', spawnError: describeSpawnError(error as NodeJS.ErrnoException) });
      return;
    }
    let stdout = '';
    let stderr = '';
    let partial = '';
    let timedOut = false;
    let spawnError: string | undefined;
    let settled = false;
    const keep = (current: string, text: string) => (current.length >= OUTPUT_CAP ? current : current + text.slice(0, OUTPUT_CAP - current.length));
    const line = (text: string) => {
      if (!options.onLine(text)) stdout = keep(stdout, `${text}\n`);
    };
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      // A line longer than the cap is output, not an event we could use: keep its head only.
      if (partial.length > 16 * OUTPUT_CAP) {
        line(partial.slice(0, OUTPUT_CAP));
        partial = '';
      }
      for (const text of lines) line(text.replace(/\r$/, ''));
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = keep(stderr, chunk)));
    if (options.stdin !== undefined) {
      child.stdin!.on('error', () => {}); // the agent may exit without reading it
      child.stdin!.end(options.stdin);
    }
    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return; // already gone
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    if (options.signal?.aborted) killGroup();
    options.signal?.addEventListener('abort', killGroup, { once: true });
    const finish = (exitCode: number | null, signal: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', killGroup);
      if (partial) line(partial);
      resolve({ exitCode, signal, timedOut, stdout, stderr, ...(spawnError ? { spawnError } : {}) });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = describeSpawnError(error);
      finish(null, null);
    });
    child.on('close', (code, signal) => finish(code, signal));
  });
}

function describeSpawnError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'not found (is it installed and on PATH?)';
  if (error.code === 'E2BIG') return 'the prompt is too long for one argument (E2BIG); leave {prompt} out of the command so the prompt goes on stdin';
  return error.message;
}
