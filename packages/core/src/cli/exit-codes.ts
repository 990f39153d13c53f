/** Exit codes CI can rely on. Documented in `codewaves --help` and the README. */
export const EXIT = {
  /** Everything planned ran and merged (or the plan was printed). */
  ok: 0,
  /** The run finished, but at least one task failed, conflicted or was cancelled. */
  tasksFailed: 1,
  /** Bad input: a task file, an option, the repository state. The message says what to fix. */
  badInput: 2,
  /** `plan --check`: the task set cannot be scheduled as declared (the plan is bad, the tool is fine). */
  planRejected: 3,
  /** A bug in codewaves. */
  internal: 70,
  /** Stopped by Ctrl-C (128 + SIGINT): every thread is consistent, `codewaves resume` continues. */
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0   success
  1   the run finished but some tasks failed, conflicted or were cancelled
  2   bad input (task file, option, repository state); the message names the fix
  3   plan --check rejected the plan: a dependency cycle or unknown id, more waves than --max-waves,
      an empty or too broad footprint, or a plan that differs from --expect
  70  internal error (a bug in codewaves: please report it)
  130 run or resume stopped by Ctrl-C: agents were cancelled, nothing is half-merged; codewaves resume continues`;
