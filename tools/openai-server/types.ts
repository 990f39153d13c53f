/** One tool call the scripted model makes. */
export interface ScriptedToolCall {
  name: string;
  /** An object is sent as its JSON text; a string is sent exactly as given (it may be invalid JSON). */
  arguments: Record<string, unknown> | string;
}

/** What the model answers on one turn. Every field is optional: `{}` is an empty assistant message. */
export interface ScriptedReply {
  content?: string;
  toolCalls?: ScriptedToolCall[];
  /** Sent as `reasoning_content` on Chat Completions and as a `reasoning` output item on Responses. */
  reasoning?: string;
  /** Defaults to a rough estimate (characters / 4). */
  usage?: { prompt_tokens: number; completion_tokens: number; cached_tokens?: number };
}

/**
 * A misbehaviour of the server, applied before the reply.
 * - `status`: answer with this HTTP status and an OpenAI-shaped error body (or `body`), nothing else.
 * - `delay`: wait `ms` before going on with the next fault or the reply.
 * - `drop`: destroy the socket without a response (the SDK throws APIConnectionError); on a
 *   streaming request, after half the chunks (iterating the stream throws undici's TypeError 'terminated').
 * - `malformed-arguments`: every tool call of the reply gets arguments that are not valid JSON
 *   (a reply without tool calls gets one call to `finish`).
 */
export type Fault =
  | {
      kind: 'status';
      status: number;
      /** Seconds, sent as the `retry-after` header. */
      retryAfter?: number;
      /** Milliseconds, sent as the `retry-after-ms` header (the openai SDK prefers it). */
      retryAfterMs?: number;
      /** Sent instead of the default error body: a string as it is, anything else as JSON. */
      body?: unknown;
    }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  | { kind: 'malformed-arguments' };

/** A message of the request's conversation, in Chat Completions shape whichever API was called. */
export interface ModelMessage {
  role: string;
  /** Text parts are joined; `null` when the message has no text. */
  content: string | null;
  tool_calls?: any[];
  tool_call_id?: string;
}

/** A model request as the server received it. */
export interface ModelRequestInfo {
  api: 'chat' | 'responses';
  /** The parsed JSON body, untouched. */
  body: any;
  /** `body.messages` (chat) or `body.instructions` + `body.input` (responses), normalised. */
  messages: ModelMessage[];
  stream: boolean;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A reply, a fault, or an array of faults followed by at most one reply (applied in order).
 * Without a reply, the faults that do not end the response are followed by an empty message.
 */
export type HandlerResult = ScriptedReply | Fault | Array<Fault | ScriptedReply>;

export type Handler = (request: ModelRequestInfo) => HandlerResult | Promise<HandlerResult>;

export interface OpenAIServer {
  /** The base URL to give the SDK, e.g. `http://127.0.0.1:41234/v1`. */
  url: string;
  /** Every model request (chat and responses), in the order their bodies were complete. */
  requests: ModelRequestInfo[];
  /** Stops listening, ends open connections and cancels pending delays. Safe to call twice. */
  close(): Promise<void>;
  /** Replaces the handler for the requests that arrive from now on. */
  setHandler(handler: Handler): void;
}

export interface OpenAIServerOptions {
  handler: Handler;
  /** Defaults to 0: a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
}
