import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { CodewavesError } from '../../errors';
import type { AssistantTurn, ConversationMessage, ModelClient, ModelRequest, ToolSpec } from '../model';
import { completeWithResponses, type ReasoningSummary } from './responses-api';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry-policy';

export interface OpenAIProviderOptions {
  model: string;
  apiKey: string;
  /** Any OpenAI-compatible endpoint: OpenAI, Azure, Ollama, vLLM, LM Studio. */
  baseURL?: string;
  /** Per model call, milliseconds. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  stream?: boolean;
  /** `chat` (Chat Completions, what compatible servers speak) or `responses` (OpenAI's Responses API). */
  api?: 'chat' | 'responses';
  /** Responses API: ask a reasoning model for summaries of its reasoning (kept in the thread). */
  reasoningSummary?: ReasoningSummary;
}

/** Chat Completions with tool calls: what every OpenAI-compatible server speaks. */
export function createOpenAIClient(options: OpenAIProviderOptions): ModelClient {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeout: options.timeoutMs ?? 10 * 60_000,
    // Retries are ours (retry-policy.ts): capped waits, and every retry is visible in the thread.
    maxRetries: 0,
  });
  const stream = options.stream ?? true;
  return {
    description: `openai ${options.api === 'responses' ? 'responses' : 'chat'} ${options.model}${options.baseURL ? ` at ${options.baseURL}` : ''}`,
    async complete(request: ModelRequest): Promise<AssistantTurn> {
      try {
        return await withRetries(
          () =>
            options.api === 'responses'
              ? completeWithResponses(client, options.model, request, { reasoningSummary: options.reasoningSummary })
              : stream
                ? completeStreaming(client, options.model, request)
                : completeOnce(client, options.model, request),
          options.retry ?? DEFAULT_RETRY_POLICY,
          { signal: request.signal, onRetry: request.onRetry },
        );
      } catch (error) {
        throw translateError(error, options);
      }
    },
  };
}

async function completeOnce(client: OpenAI, model: string, request: ModelRequest): Promise<AssistantTurn> {
  const response = await client.chat.completions.create(
    { model, messages: toWire(request.messages), tools: toolsToWire(request.tools) },
    { signal: request.signal },
  );
  const message = response.choices[0]?.message;
  return {
    content: message?.content ?? undefined,
    reasoning: (message as { reasoning_content?: string } | undefined)?.reasoning_content ?? undefined,
    toolCalls: (message?.tool_calls ?? []).flatMap((call) =>
      call.type === 'function' ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }] : [],
    ),
    usage: response.usage ? chatUsage(response.usage) : undefined,
    model: response.model,
  };
}

async function completeStreaming(client: OpenAI, model: string, request: ModelRequest): Promise<AssistantTurn> {
  const chunks = await client.chat.completions.create(
    { model, messages: toWire(request.messages), tools: toolsToWire(request.tools), stream: true, stream_options: { include_usage: true } },
    { signal: request.signal },
  );
  let content = '';
  let reasoning = '';
  const calls: Array<{ id: string; name: string; arguments: string }> = [];
  let usage: AssistantTurn['usage'];
  let answeredBy: string | undefined;
  for await (const chunk of chunks) {
    // Usage arrives in a last chunk with no choices, because stream_options.include_usage is set.
    if (chunk.usage) usage = chatUsage(chunk.usage);
    if (chunk.model) answeredBy = chunk.model;
    const delta = chunk.choices[0]?.delta as (OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta & { reasoning_content?: string; reasoning?: string }) | undefined;
    if (!delta) continue;
    if (delta.content) content += delta.content;
    if (delta.reasoning_content) reasoning += delta.reasoning_content;
    else if (delta.reasoning) reasoning += delta.reasoning;
    for (const part of delta.tool_calls ?? []) {
      const call = (calls[part.index] ??= { id: '', name: '', arguments: '' });
      if (part.id) call.id = part.id;
      if (part.function?.name) call.name += part.function.name;
      if (part.function?.arguments) call.arguments += part.function.arguments;
    }
  }
  // A raw stream aborted mid-way ends the loop silently: tell the caller it was cut off.
  if (request.signal?.aborted) throw new Error('aborted');
  return {
    content: content || undefined,
    reasoning: reasoning || undefined,
    toolCalls: calls.filter(Boolean).map((call, index) => ({ ...call, id: call.id || `call_${index}` })),
    usage,
    model: answeredBy,
  };
}

function chatUsage(usage: OpenAI.CompletionUsage): AssistantTurn['usage'] {
  const cached = usage.prompt_tokens_details?.cached_tokens;
  return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens, ...(cached ? { cachedInputTokens: cached } : {}) };
}

function toWire(messages: readonly ConversationMessage[]): ChatCompletionMessageParam[] {
  return messages.map((message): ChatCompletionMessageParam => {
    switch (message.role) {
      case 'system':
      case 'user':
        return { role: message.role, content: message.content };
      case 'assistant':
        return {
          role: 'assistant',
          content: message.content ?? null,
          ...(message.toolCalls && message.toolCalls.length > 0
            ? { tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } })) }
            : {}),
        };
      case 'tool':
        return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
    }
  });
}

function toolsToWire(tools: readonly ToolSpec[]): ChatCompletionTool[] {
  return tools.map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.parameters } }));
}

function translateError(error: unknown, options: OpenAIProviderOptions): unknown {
  const endpoint = options.baseURL ?? 'https://api.openai.com/v1';
  if (error instanceof OpenAI.APIConnectionError && !(error instanceof OpenAI.APIConnectionTimeoutError)) {
    return new CodewavesError('MODEL_UNREACHABLE', `cannot reach the model endpoint ${endpoint}: ${error.message}`, {
      hint: 'check OPENAI_BASE_URL (or the task\'s agent.baseURL) and that the server is running',
      cause: error,
    });
  }
  if (error instanceof OpenAI.AuthenticationError) {
    return new CodewavesError('PROVIDER_CONFIG', `the model endpoint ${endpoint} refused the API key (401)`, {
      hint: 'set OPENAI_API_KEY to a valid key for this endpoint',
      cause: error,
    });
  }
  if (error instanceof OpenAI.NotFoundError) {
    return new CodewavesError('PROVIDER_CONFIG', `the model endpoint ${endpoint} answered 404 for model \`${options.model}\`: ${error.message}`, {
      hint: 'check the model name (--model, agent.model or CODEWAVES_MODEL) and the base URL',
      cause: error,
    });
  }
  return error;
}
