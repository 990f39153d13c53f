import { isRecord, textContent } from './normalise';
import { argumentsJson, type ReplyContext, type Usage } from './replies';
import { splitIntoPieces } from './sse';
import type { ModelMessage, ScriptedReply } from './types';

export function chatMessages(body: unknown): ModelMessage[] {
  const messages: unknown[] = isRecord(body) && Array.isArray(body.messages) ? body.messages : [];
  return messages.filter(isRecord).map((message) => ({
    role: String(message.role ?? 'unknown'),
    content: textContent(message.content),
    ...(Array.isArray(message.tool_calls) ? { tool_calls: message.tool_calls } : {}),
    ...(typeof message.tool_call_id === 'string' ? { tool_call_id: message.tool_call_id } : {}),
  }));
}

function finishReason(reply: ScriptedReply): 'tool_calls' | 'stop' {
  return reply.toolCalls?.length ? 'tool_calls' : 'stop';
}

function usageObject(usage: Usage) {
  const { cached_tokens, ...counts } = usage;
  return { ...counts, total_tokens: usage.prompt_tokens + usage.completion_tokens, ...(cached_tokens !== undefined ? { prompt_tokens_details: { cached_tokens } } : {}) };
}

/** A `chat.completion` object. */
export function chatCompletion(reply: ScriptedReply, context: ReplyContext): Record<string, unknown> {
  const toolCalls = (reply.toolCalls ?? []).map((call) => ({
    id: context.nextId('call'),
    type: 'function',
    function: { name: call.name, arguments: argumentsJson(call.arguments) },
  }));
  const message = {
    role: 'assistant',
    content: reply.content ?? (toolCalls.length ? null : ''),
    refusal: null,
    ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
    ...(reply.reasoning !== undefined ? { reasoning_content: reply.reasoning } : {}),
  };
  return {
    id: context.nextId('chatcmpl'),
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(reply) }],
    usage: usageObject(context.usage),
  };
}

/**
 * The `chat.completion.chunk` objects of a streamed reply, in order (without the `[DONE]` frame):
 * role, reasoning and content deltas, tool-call deltas, the finish chunk, then the usage chunk when
 * `includeUsage` (`stream_options.include_usage`) is set.
 */
export function chatCompletionChunks(
  reply: ScriptedReply,
  context: ReplyContext,
  includeUsage: boolean,
): Record<string, unknown>[] {
  const id = context.nextId('chatcmpl');
  const base = { id, object: 'chat.completion.chunk', created: context.created, model: context.model };
  // OpenAI sends `usage: null` on every chunk but the last when usage is requested.
  const chunk = (delta: Record<string, unknown>, finish_reason: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason }],
    ...(includeUsage ? { usage: null } : {}),
  });

  const chunks: Record<string, unknown>[] = [chunk({ role: 'assistant', content: reply.content === undefined ? null : '' })];
  for (const piece of splitIntoPieces(reply.reasoning)) chunks.push(chunk({ reasoning_content: piece }));
  for (const piece of splitIntoPieces(reply.content)) chunks.push(chunk({ content: piece }));
  (reply.toolCalls ?? []).forEach((call, index) => {
    chunks.push(
      chunk({
        tool_calls: [{ index, id: context.nextId('call'), type: 'function', function: { name: call.name, arguments: '' } }],
      }),
    );
    for (const piece of splitIntoPieces(argumentsJson(call.arguments))) {
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  chunks.push(chunk({}, finishReason(reply)));
  if (includeUsage) chunks.push({ ...base, choices: [], usage: usageObject(context.usage) });
  return chunks;
}
