import type { ServerResponse } from 'node:http';

export function startEventStream(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
}

/** Resolves once the frame is handed to the socket, so a following drop cannot discard it. */
export function writeEvent(res: ServerResponse, data: unknown): Promise<void> {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return new Promise((resolve) => res.write(`data: ${text}\n\n`, () => resolve()));
}

export function endEventStream(res: ServerResponse): void {
  res.end('data: [DONE]\n\n');
}

/**
 * Splits text into at least two pieces (when it has two characters) of at most `maxPiece`
 * characters, so clients must really accumulate deltas.
 */
export function splitIntoPieces(text: string | undefined, maxPiece = 16): string[] {
  if (!text) return [];
  const size = Math.max(1, Math.min(maxPiece, Math.ceil(text.length / 2)));
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}
