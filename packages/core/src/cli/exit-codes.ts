/** Exit codes CI can rely on. Documented in `codewaves --help` and the README. */
export const EXIT = {
  /** Everything planned ran and merged (or the plan was printed). */
  ok: 0,
  /** The run finished, but at least one task failed, conflicted or was cancelled. */
  tasksFailed: 1,
  /** Bad input: a task file, an option, the repository state. The message says what to fix. */
  badInput: 2,
  /** A bug in codewaves. */
  internal: 70,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0   success
  1   the run finished but some tasks failed, conflicted or were cancelled
  2   bad input (task file, option, repository state); the message names the fix
  70  internal error (a bug in codewaves: please report it)`;
