import { readFile } from 'node:fs/promises';
import { CodewavesError } from '../errors';
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../tasks/duration';

/** The CLI's seams: where it reads and writes, so tests run it in-process. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(line: string): void;
  stderr(line: string): void;
  exitCode: number;
  /** A terminal a person watches (redraw in place), rather than a log or a pipe (plain lines). */
  interactive: boolean;
}

export function projectFilter(names: string[] | undefined): ReadonlySet<string> | undefined {
  return names && names.length > 0 ? new Set(names.flatMap((name) => name.split(','))) : undefined;
}

/** commander option parser for durations (`10m`, `90s`, `1h30m`, seconds): milliseconds. */
export function duration(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new InvalidArgumentError('must be a duration such as 10m, 90s or 1h30m, or a number of seconds');
  return ms;
}

/** commander option parser for counts: a whole number of at least 1, or a message naming the rule. */
export function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return parsed;
}

/** commander option parser for confidences: a number from 0 to 1. */
export function confidence(value: string): number {
  const parsed = Number(value);
  if (!(parsed >= 0 && parsed <= 1)) throw new InvalidArgumentError('must be a number from 0 to 1');
  return parsed;
}

/**
 * An AbortSignal that Ctrl-C fires for the duration of `work`: the first press stops the run
 * cleanly (agents cancelled, state saved), a second one exits at once.
 */
export async function withInterrupt<T>(io: Pick<CliIO, 'stderr'>, work: (signal: AbortSignal) => Promise<T>): Promise<{ result: T; interrupted: boolean }> {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    io.stderr('Stopping: cancelling the running agents and saving the run (Ctrl-C again to quit at once; codewaves resume continues it)');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    const result = await work(controller.signal);
    return { result, interrupted: controller.signal.aborted };
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/**
 * A file the user named on the command line: a missing or unreadable one is bad input (exit 2)
 * that says which file and what to pass, not an internal error.
 */
export async function readNamedFile(absolute: string, shown: string, what: string, hint: string): Promise<string> {
  try {
    return await readFile(absolute, 'utf8');
  } catch (error) {
    throw new CodewavesError('USAGE', `cannot read the ${what} ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { hint, cause: error });
  }
}
