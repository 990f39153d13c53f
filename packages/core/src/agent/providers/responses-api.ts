import type OpenAI from 'openai';
import type { AssistantTurn, ConversationMessage, ModelRequest } from '../model';

type InputItem = Record<string, unknown>;

export type ReasoningSummary = 'auto' | 'concise' | 'detailed';

/**
 * One turn through the Responses API (OpenAI's own; Chat Completions stays the default because
 * compatible servers speak it). The conversation is sent whole each turn, so the server keeps no state.
 */
export async function completeWithResponses(client: OpenAI, model: string, request: ModelRequest, options: { reasoningSummary?: ReasoningSummary } = {}): Promise<AssistantTurn> {
  const instructions = request.messages.filter((message) => message.role === 'system').map((message) => message.content).join('\n\n');
  const response = await client.responses.create(
    {
      model,
      ...(instructions ? { instructions } : {}),
      input: toInput(request.messages) as unknown as OpenAI.Responses.ResponseInput,
      tools: request.tools.map((tool) => ({ type: 'function' as const, name: tool.name, description: tool.description, parameters: tool.parameters, strict: false })),
      // Reasoning models return summaries of their reasoning only when asked; other models reject the field.
      ...(options.reasoningSummary ? { reasoning: { summary: options.reasoningSummary } } : {}),
    },
    { signal: request.signal },
  );
  const toolCalls: AssistantTurn['toolCalls'] = [];
  const text: string[] = [];
  const reasoning: string[] = [];
  for (const item of response.output as unknown as Array<Record<string, unknown>>) {
    if (item.type === 'function_call') toolCalls.push({ id: String(item.call_id ?? item.id), name: String(item.name), arguments: String(item.arguments ?? '') });
    else if (item.type === 'message') {
      for (const part of (item.content as Array<{ type: string; text?: string }>) ?? []) if (part.type === 'output_text' && part.text) text.push(part.text);
    } else if (item.type === 'reasoning') {
      for (const part of (item.summary as Array<{ text?: string }>) ?? []) if (part.text) reasoning.push(part.text);
    }
  }
  return {
    content: text.join('') || undefined,
    reasoning: reasoning.join('\n') || undefined,
    toolCalls,
    usage: response.usage
      ? {
          inputTokens: response.usage.input_tokens,
          outputTokens: response.usage.output_tokens,
          ...(response.usage.input_tokens_details?.cached_tokens ? { cachedInputTokens: response.usage.input_tokens_details.cached_tokens } : {}),
        }
      : undefined,
    model: response.model,
  };
}

function toInput(messages: readonly ConversationMessage[]): InputItem[] {
  const items: InputItem[] = [];
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        break;
      case 'user':
        items.push({ role: 'user', content: message.content });
        break;
      case 'assistant':
        if (message.content) items.push({ role: 'assistant', content: message.content });
        for (const call of message.toolCalls ?? []) items.push({ type: 'function_call', call_id: call.id, name: call.name, arguments: call.arguments });
        break;
      case 'tool':
        items.push({ type: 'function_call_output', call_id: message.toolCallId, output: message.content });
        break;
    }
  }
  return items;
}
