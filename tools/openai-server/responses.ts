import { isRecord, textContent } from './normalise';
import { argumentsJson, type ReplyContext } from './replies';
import type { ModelMessage, ScriptedReply } from './types';

/**
 * `instructions` and `input` as Chat Completions messages. Function calls that directly follow an
 * assistant message join it, so one model turn stays one assistant message; reasoning items and
 * unknown item types are left out.
 */
export function responsesMessages(body: unknown): ModelMessage[] {
  if (!isRecord(body)) return [];
  const messages: ModelMessage[] = [];
  if (typeof body.instructions === 'string') messages.push({ role: 'system', content: body.instructions });
  if (typeof body.input === 'string') {
    messages.push({ role: 'user', content: body.input });
    return messages;
  }
  const items: unknown[] = Array.isArray(body.input) ? body.input : [];
  for (const item of items.filter(isRecord)) {
    switch (item.type ?? 'message') {
      case 'message':
        messages.push({ role: String(item.role ?? 'user'), content: textContent(item.content) });
        break;
      case 'function_call': {
        const call = {
          id: String(item.call_id ?? item.id ?? ''),
          type: 'function',
          function: { name: String(item.name ?? ''), arguments: String(item.arguments ?? '') },
        };
        const last = messages.at(-1);
        if (last?.role === 'assistant') (last.tool_calls ??= []).push(call);
        else messages.push({ role: 'assistant', content: null, tool_calls: [call] });
        break;
      }
      case 'function_call_output':
        messages.push({
          role: 'tool',
          tool_call_id: String(item.call_id ?? ''),
          content: typeof item.output === 'string' ? item.output : (textContent(item.output) ?? JSON.stringify(item.output ?? null)),
        });
        break;
    }
  }
  return messages;
}

/** A completed `response` object (non-streaming). */
export function responseObject(reply: ScriptedReply, context: ReplyContext): Record<string, unknown> {
  const toolCalls = reply.toolCalls ?? [];
  const output: Record<string, unknown>[] = [];
  if (reply.reasoning !== undefined) {
    output.push({
      type: 'reasoning',
      id: context.nextId('rs'),
      summary: [{ type: 'summary_text', text: reply.reasoning }],
    });
  }
  if (reply.content !== undefined || toolCalls.length === 0) {
    output.push({
      type: 'message',
      id: context.nextId('msg'),
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: reply.content ?? '', annotations: [] }],
    });
  }
  for (const call of toolCalls) {
    output.push({
      type: 'function_call',
      id: context.nextId('fc'),
      call_id: context.nextId('call'),
      name: call.name,
      arguments: argumentsJson(call.arguments),
      status: 'completed',
    });
  }
  const { prompt_tokens, completion_tokens, cached_tokens } = context.usage;
  return {
    id: context.nextId('resp'),
    // Without `object: 'response'` the SDK does not add `output_text`.
    object: 'response',
    created_at: context.created,
    status: 'completed',
    model: context.model,
    output,
    usage: {
      input_tokens: prompt_tokens,
      input_tokens_details: { cached_tokens: cached_tokens ?? 0 },
      output_tokens: completion_tokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: prompt_tokens + completion_tokens,
    },
    error: null,
    incomplete_details: null,
    parallel_tool_calls: true,
    tool_choice: 'auto',
    tools: [],
  };
}
