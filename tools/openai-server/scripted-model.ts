import { errorBody } from './http';
import { finishCall } from './replies';
import type { Handler, ScriptedReply } from './types';

export interface ScriptedModelOptions {
  /** Answered once a script is used up, instead of a call to `finish`. */
  fallback?: ScriptedReply;
}

/**
 * A handler that plays one multi-turn script per task.
 *
 * The script is the first whose key occurs in the request's first user message (keys are tried in
 * object order: insertion order, except that integer-like keys come first). The reply is the one at
 * index = number of assistant messages already in the conversation. Past the end of the script it
 * answers `options.fallback`, or else a call to `finish` with `{ summary: 'done' }`. When no key
 * matches it answers status 400 with an error naming the keys.
 *
 * @example
 * const server = await startOpenAIServer({
 *   handler: scriptedModel({
 *     'rename the util': [
 *       { toolCalls: [{ name: 'read_file', arguments: { path: 'src/util.ts' } }] },
 *       { toolCalls: [{ name: 'write_file', arguments: { path: 'src/util.ts', content: '…' } }] },
 *     ],
 *   }),
 * });
 * // Turn 3 of that task answers finish({ summary: 'done' }).
 */
export function scriptedModel(scripts: Record<string, ScriptedReply[]>, options: ScriptedModelOptions = {}): Handler {
  const keys = Object.keys(scripts);
  return (request) => {
    const firstUserMessage = request.messages.find((message) => message.role === 'user')?.content ?? '';
    const key = keys.find((candidate) => firstUserMessage.includes(candidate));
    if (key === undefined) {
      const message =
        `scriptedModel: no script key occurs in the first user message; ` +
        `keys: ${keys.map((k) => JSON.stringify(k)).join(', ') || '(none)'}`;
      return { kind: 'status', status: 400, body: errorBody(message, 'invalid_request_error') };
    }
    const turn = request.messages.filter((message) => message.role === 'assistant').length;
    return scripts[key][turn] ?? options.fallback ?? { toolCalls: [finishCall()] };
  };
}
