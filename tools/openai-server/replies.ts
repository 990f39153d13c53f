import type { ModelMessage, ScriptedReply, ScriptedToolCall } from './types';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  /** Of prompt_tokens, how many the server had cached. */
  cached_tokens?: number;
}

/** What a wire-format builder needs besides the reply. */
export interface ReplyContext {
  model: string;
  /** Unix seconds. */
  created: number;
  nextId(prefix: string): string;
  usage: Usage;
}

export function argumentsJson(args: ScriptedToolCall['arguments']): string {
  return typeof args === 'string' ? args : JSON.stringify(args);
}

export function finishCall(): ScriptedToolCall {
  return { name: 'finish', arguments: { summary: 'done' } };
}

export function withMalformedArguments(reply: ScriptedReply): ScriptedReply {
  const calls = reply.toolCalls?.length ? reply.toolCalls : [finishCall()];
  return {
    ...reply,
    toolCalls: calls.map((call) => ({ name: call.name, arguments: breakJson(argumentsJson(call.arguments)) })),
  };
}

/** Truncates an object the way a model cut off mid-answer does; anything else gets an unclosed brace. */
function breakJson(json: string): string {
  return json.startsWith('{') && json.endsWith('}') ? json.slice(0, -1) : `{${json}`;
}

export function estimateUsage(messages: readonly ModelMessage[], reply: ScriptedReply): Usage {
  const promptChars = messages.reduce(
    (sum, message) => sum + (message.content?.length ?? 0) + JSON.stringify(message.tool_calls ?? []).length,
    0,
  );
  const completionChars =
    (reply.content?.length ?? 0) +
    (reply.reasoning?.length ?? 0) +
    (reply.toolCalls ?? []).reduce((sum, call) => sum + call.name.length + argumentsJson(call.arguments).length, 0);
  return { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.ceil(completionChars / 4) };
}
