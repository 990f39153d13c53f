import { resolve } from 'node:path';

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` when no other worktree add or remove of the same repository is running in this
 * process. Two `git worktree add` at once race: each reads the `commondir` file of every other
 * worktree, and may read one that is not written yet ("fatal: failed to read
 * .git/worktrees/<name>/commondir: Success"). Seen once in four CI runs with two tasks in a wave;
 * git takes no lock there itself.
 */
export function withWorktreeLock<T>(repositoryRoot: string, fn: () => Promise<T>): Promise<T> {
  const key = resolve(repositoryRoot);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  // The queue continues whether this one succeeds or fails; the caller still sees its own outcome.
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}
