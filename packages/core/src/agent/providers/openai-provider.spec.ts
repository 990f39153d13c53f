import { startOpenAIServer, type Fault, type OpenAIServer, type ScriptedReply } from '../../../../../tools/openai-server';
import type { RetryInfo } from '../model';
import { createOpenAIClient } from './openai-provider';

// The real openai SDK over HTTP against a server that misbehaves on purpose.
describe('openai provider resilience', () => {
  let server: OpenAIServer;
  let script: Array<Fault | ScriptedReply | Array<Fault | ScriptedReply>>;
  beforeAll(async () => {
    server = await startOpenAIServer({ handler: () => script.shift() ?? { content: 'out of script' } });
  });
  afterAll(() => server.close());

  const ok: ScriptedReply = { toolCalls: [{ name: 'finish', arguments: { summary: 'done' } }] };
  async function complete(stream: boolean, maxDelayMs = 60_000) {
    const retries: RetryInfo[] = [];
    const client = createOpenAIClient({ model: 'test-model', apiKey: 'test', baseURL: server.url, stream, retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs } });
    const turn = await client.complete({ messages: [{ role: 'user', content: 'go' }], tools: [], onRetry: (info) => retries.push(info) });
    return { turn, retries };
  }

  it('retries a 429 after the retry-after-ms the server asked for, and says so', async () => {
    script = [{ kind: 'status', status: 429, retryAfterMs: 20 }, ok];
    const { turn, retries } = await complete(true);
    expect(turn.toolCalls[0]!.name).toBe('finish');
    expect(retries).toEqual([{ attempt: 1, delayMs: 20, status: 429, reason: 'rate limited (429)' }]);
  });

  it('caps a retry-after of an hour', async () => {
    script = [{ kind: 'status', status: 429, retryAfter: 3600 }, ok];
    const { retries } = await complete(false, 30);
    expect(retries[0]!.delayMs).toBe(30);
  });

  it('retries server errors and a stream dropped mid-way, with backoff', async () => {
    script = [{ kind: 'status', status: 500 }, { kind: 'status', status: 503 }, [{ kind: 'drop' }, ok], ok];
    const { turn, retries } = await complete(true);
    expect(turn.toolCalls[0]!.name).toBe('finish');
    expect(retries.map((r) => [r.attempt, r.delayMs, r.reason])).toEqual([
      [1, 5, 'server answered 500'],
      [2, 10, 'server answered 503'],
      [3, 20, 'the stream was cut off'],
    ]);
  });

  it('does not retry a request the server rejects, and gives up after the last retry', async () => {
    script = [{ kind: 'status', status: 400 }];
    await expect(complete(false)).rejects.toMatchObject({ status: 400 });
    script = [{ kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'status', status: 500 }];
    await expect(complete(false)).rejects.toMatchObject({ status: 500 });
    expect(script).toHaveLength(0);
  });

  it('speaks the Responses API too: tool calls out, the whole conversation with tool results in', async () => {
    script = [{ reasoning: 'look first', toolCalls: [{ name: 'read_file', arguments: { path: 'a.ts' } }] }, ok];
    const client = createOpenAIClient({ model: 'test-model', apiKey: 'test', baseURL: server.url, api: 'responses' });
    const first = await client.complete({ messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'go' }], tools: [{ name: 'read_file', description: 'read', parameters: { type: 'object' } }] });
    expect(first).toMatchObject({ reasoning: 'look first', toolCalls: [{ name: 'read_file', arguments: '{"path":"a.ts"}' }] });
    const second = await client.complete({
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'go' },
        { role: 'assistant', toolCalls: first.toolCalls },
        { role: 'tool', toolCallId: first.toolCalls[0]!.id, name: 'read_file', content: 'export {}' },
      ],
      tools: [],
    });
    expect(second.toolCalls[0]!.name).toBe('finish');
    const request = server.requests.at(-1)!;
    expect(request.api).toBe('responses');
    expect(request.body.reasoning).toBeUndefined();
    expect(request.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(request.messages[3]).toMatchObject({ tool_call_id: first.toolCalls[0]!.id, content: 'export {}' });
  });

  it('asks a reasoning model for summaries of its reasoning on the Responses API when told to', async () => {
    script = [{ reasoning: 'checked the route table first', toolCalls: [{ name: 'finish', arguments: { summary: 'done' } }] }];
    const client = createOpenAIClient({ model: 'test-model', apiKey: 'test', baseURL: server.url, api: 'responses', reasoningSummary: 'auto' });
    const turn = await client.complete({ messages: [{ role: 'user', content: 'go' }], tools: [] });
    expect(server.requests.at(-1)!.body.reasoning).toEqual({ summary: 'auto' });
    expect(turn.reasoning).toBe('checked the route table first');
  });

  it('reports usage with cached input tokens and the model that answered, streaming, not streaming and on Responses', async () => {
    const usage = { prompt_tokens: 1200, completion_tokens: 80, cached_tokens: 1000 };
    for (const options of [{ stream: true }, { stream: false }, { api: 'responses' as const }]) {
      script = [{ ...ok, usage }];
      const client = createOpenAIClient({ model: 'gpt-5-codex', apiKey: 'test', baseURL: server.url, ...options });
      const turn = await client.complete({ messages: [{ role: 'user', content: 'go' }], tools: [] });
      expect([options, turn.usage, turn.model]).toEqual([options, { inputTokens: 1200, outputTokens: 80, cachedInputTokens: 1000 }, 'gpt-5-codex']);
    }
    // streaming Chat Completions only sends usage when asked to
    expect(server.requests.at(-3)!.body.stream_options).toEqual({ include_usage: true });
  });
});
