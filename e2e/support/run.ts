import { spawn } from 'node:child_process';

export interface RunResult {
  /** The exit code; -1 when the process could not start or was killed on timeout. */
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr as one text (stdout first), for "the user saw this" assertions. */
  output: string;
  durationMs: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (with its whole process group) after this long. Default: 240 s. */
  timeoutMs?: number;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * Runs a command asynchronously and resolves with what happened. Never rejects: a non-zero exit is
 * an answer the tests assert on. Asynchronous on purpose: the local OpenAI server lives in this
 * process, and a synchronous child call would block the event loop it answers on.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    const finish = (code: number, extra = '') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const out = stripAnsi(Buffer.concat(stdout).toString('utf8'));
      const err = stripAnsi(Buffer.concat(stderr).toString('utf8')) + extra;
      resolve({ code, stdout: out, stderr: err, output: `${out}\n${err}`, durationMs: Date.now() - started });
    };
    // detached: the child leads its own process group, so a timeout also ends what it started (Nx forks).
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timeoutMs = options.timeoutMs ?? 240_000;
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      finish(-1, `\n[e2e] ${command} ${args.join(' ')} killed after ${timeoutMs} ms`);
    }, timeoutMs);
    child.on('error', (error) => finish(-1, `\n[e2e] could not start ${command}: ${error.message}`));
    child.on('close', (code, signal) => finish(code ?? (signal ? -1 : 0)));
  });
}

/** A readable description of a result, for failure messages. */
export function describeResult(label: string, result: RunResult): string {
  return `${label} exited ${result.code} after ${result.durationMs} ms\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;
}

/** Fails the test with the command's whole output when it did not exit with `code`. */
export function expectExit(result: RunResult, code: number, label: string): RunResult {
  if (result.code !== code) throw new Error(`expected exit ${code}: ${describeResult(label, result)}`);
  return result;
}
