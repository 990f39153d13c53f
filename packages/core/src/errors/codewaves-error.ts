/**
 * Every failure a user can act on is a CodewavesError: a stable code, what happened, where (file
 * and line when there is one) and what to do next. The CLI and the Nx executors turn these into
 * messages at one boundary; anything else that escapes is a bug.
 */
export type ErrorCode =
  | 'TASK_PARSE'
  | 'TASK_SCHEMA'
  | 'TASK_DUPLICATE_ID'
  | 'TASK_UNKNOWN_DEPENDENCY'
  | 'TASK_DEPENDENCY_CYCLE'
  | 'SPRINT_PARSE'
  | 'NOT_A_GIT_REPO'
  | 'DIRTY_WORKING_TREE'
  | 'NO_COMMITS'
  | 'NO_WORKSPACE'
  | 'NO_TASKS'
  | 'PROVIDER_CONFIG'
  | 'MODEL_UNREACHABLE'
  | 'TRANSCRIPT'
  | 'SANDBOX_ESCAPE'
  | 'GIT'
  | 'USAGE';

export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

export class CodewavesError extends Error {
  readonly code: ErrorCode;
  readonly location?: ErrorLocation;
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, options: { location?: ErrorLocation; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CodewavesError';
    this.code = code;
    this.location = options.location;
    this.hint = options.hint;
  }
}

export function isCodewavesError(error: unknown): error is CodewavesError {
  return error instanceof Error && (error as CodewavesError).name === 'CodewavesError' && 'code' in error;
}

/** The one place an error becomes text: `file:line: message` then the fix on its own line. */
export function formatError(error: unknown): string {
  if (isCodewavesError(error)) {
    const where = error.location
      ? `${error.location.file}${error.location.line ? `:${error.location.line}` : ''}${error.location.column ? `:${error.location.column}` : ''}: `
      : '';
    return `${where}${error.message}${error.hint ? `\n  fix: ${error.hint}` : ''}`;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `internal error (this is a bug in codewaves; please report it with the output below)\n${detail}`;
}
