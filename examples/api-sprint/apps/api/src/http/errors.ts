/**
 * Errors that map to an HTTP status. Route handlers throw them; the router answers every one the
 * same way, `{ "error": { "code": "not_found", "message": "..." } }` (see sendError in json.ts).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 404: the resource named in the path does not exist. */
export function notFound(message: string): HttpError {
  return new HttpError(404, 'not_found', message);
}
