import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { scriptedModel, startOpenAIServer, type Handler, type OpenAIServer } from './index';

const servers: OpenAIServer[] = [];

async function start(handler: Handler): Promise<{ server: OpenAIServer; client: OpenAI }> {
  const server = await startOpenAIServer({ handler });
  servers.push(server);
  return { server, client: new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0 }) };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const user = (content: string): ChatCompletionMessageParam[] => [{ role: 'user', content }];

describe('chat completions', () => {
  it('answers a tool call without streaming and records the request', async () => {
    const { server, client } = await start(() => ({
      content: 'Reading it.',
      toolCalls: [{ name: 'read_file', arguments: { path: 'src/a.ts' } }],
      usage: { prompt_tokens: 12, completion_tokens: 3 },
    }));

    const completion = await client.chat.completions.create({ model: 'test-model', messages: user('open a.ts') });

    const choice = completion.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBe('Reading it.');
    const call = choice.message.tool_calls?.[0];
    expect(call).toMatchObject({ type: 'function', function: { name: 'read_file' } });
    expect(call?.id).toEqual(expect.any(String));
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ path: 'src/a.ts' });
    expect(completion.usage).toEqual({ prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 });

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      api: 'chat',
      stream: false,
      messages: [{ role: 'user', content: 'open a.ts' }],
    });
    expect(server.requests[0].headers.authorization).toBe('Bearer test');
  });

  it('answers plain text with finish_reason stop and reasoning_content', async () => {
    const { client } = await start(() => ({ content: 'Hello.', reasoning: 'Greet back.' }));

    const completion = await client.chat.completions.create({ model: 'test-model', messages: user('hi') });

    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(completion.choices[0].message.tool_calls).toBeUndefined();
    expect(completion.choices[0].message).toMatchObject({ content: 'Hello.', reasoning_content: 'Greet back.' });
  });

  it('streams content and tool-call deltas that assemble by index', async () => {
    const { server, client } = await start(() => ({
      reasoning: 'I should look at both files first.',
      content: 'Let me look at both files.',
      toolCalls: [
        { name: 'read_file', arguments: { path: 'packages/core/src/index.ts' } },
        { name: 'grep', arguments: { pattern: 'export function', glob: '**/*.ts' } },
      ],
    }));

    const stream = await client.chat.completions.create({ model: 'test-model', messages: user('look'), stream: true });
    let content = '';
    let reasoning = '';
    let finishReason: string | null = null;
    const calls: Array<{ id?: string; type?: string; name: string; arguments: string; deltas: number }> = [];
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      const choice = chunk.choices[0];
      content += choice.delta.content ?? '';
      reasoning += (choice.delta as { reasoning_content?: string }).reasoning_content ?? '';
      finishReason = choice.finish_reason ?? finishReason;
      for (const delta of choice.delta.tool_calls ?? []) {
        const call = (calls[delta.index] ??= { name: '', arguments: '', deltas: 0 });
        call.id ??= delta.id;
        call.type ??= delta.type;
        call.name += delta.function?.name ?? '';
        call.arguments += delta.function?.arguments ?? '';
        call.deltas += 1;
      }
    }

    expect(content).toBe('Let me look at both files.');
    expect(reasoning).toBe('I should look at both files first.');
    expect(finishReason).toBe('tool_calls');
    expect(calls.map((call) => [call.name, call.type, JSON.parse(call.arguments)])).toEqual([
      ['read_file', 'function', { path: 'packages/core/src/index.ts' }],
      ['grep', 'function', { pattern: 'export function', glob: '**/*.ts' }],
    ]);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
    // The first delta names the call; the arguments come in at least two more.
    for (const call of calls) expect(call.deltas).toBeGreaterThanOrEqual(3);
    expect(server.requests[0].stream).toBe(true);
  });

  it('ends a stream with a usage chunk when stream_options.include_usage is set', async () => {
    const { client } = await start(() => ({ content: 'ok', usage: { prompt_tokens: 7, completion_tokens: 1 } }));

    const stream = await client.chat.completions.create({
      model: 'test-model',
      messages: user('hi'),
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toEqual({ prompt_tokens: 7, completion_tokens: 1, total_tokens: 8 });
    expect(chunks.at(-2)?.choices[0].finish_reason).toBe('stop');
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('sends no usage chunk without include_usage', async () => {
    const { client } = await start(() => ({ content: 'ok' }));

    const stream = await client.chat.completions.create({ model: 'test-model', messages: user('hi'), stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks.every((chunk) => chunk.choices.length === 1 && chunk.usage === undefined)).toBe(true);
  });
});

describe('responses', () => {
  it('answers a function call and normalises the input items into messages', async () => {
    const { server, client } = await start(() => ({
      toolCalls: [{ name: 'write_file', arguments: { path: 'a.ts', content: 'x' } }],
    }));

    const response = await client.responses.create({
      model: 'test-model',
      instructions: 'You are a coding agent.',
      input: [
        { role: 'user', content: 'fix a.ts' },
        { type: 'function_call', call_id: 'call_a', name: 'read_file', arguments: '{"path":"a.ts"}' },
        { type: 'function_call_output', call_id: 'call_a', output: 'old text' },
      ],
    });

    expect(response.object).toBe('response');
    expect(response.status).toBe('completed');
    expect(response.output).toEqual([
      expect.objectContaining({ type: 'function_call', name: 'write_file', call_id: expect.any(String), id: expect.any(String) }),
    ]);
    const call = response.output[0];
    expect(call.type === 'function_call' && JSON.parse(call.arguments)).toEqual({ path: 'a.ts', content: 'x' });

    expect(server.requests[0].api).toBe('responses');
    expect(server.requests[0].messages).toEqual([
      { role: 'system', content: 'You are a coding agent.' },
      { role: 'user', content: 'fix a.ts' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.ts"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_a', content: 'old text' },
    ]);
  });

  it('gives a text reply that response.output_text reads', async () => {
    const { client } = await start(() => ({ content: 'All done.' }));

    const response = await client.responses.create({ model: 'test-model', input: 'finish up' });

    expect(response.output_text).toBe('All done.');
    expect(response.usage?.total_tokens).toEqual(expect.any(Number));
  });

  it('refuses streaming with a 400', async () => {
    const { client } = await start(() => ({ content: 'x' }));

    await expect(client.responses.create({ model: 'test-model', input: 'hi', stream: true })).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe('faults', () => {
  it('lets the SDK retry a 429 that carries retry-after-ms', async () => {
    const { server } = await start(() =>
      server.requests.length === 1 ? { kind: 'status', status: 429, retryAfterMs: 10 } : { content: 'second time lucky' },
    );
    const client = new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 1 });

    const completion = await client.chat.completions.create({ model: 'test-model', messages: user('hi') });

    expect(completion.choices[0].message.content).toBe('second time lucky');
    expect(server.requests).toHaveLength(2);
  });

  it('sends retry-after in seconds', async () => {
    const { server } = await start(() => ({ kind: 'status', status: 429, retryAfter: 3600 }));

    const response = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3600');
    expect(await response.json()).toMatchObject({ error: { message: expect.any(String), type: expect.any(String) } });
  });

  it('surfaces a 500 as an APIError with status 500', async () => {
    const { client } = await start(() => ({ kind: 'status', status: 500 }));

    const error = await client.chat.completions.create({ model: 'test-model', messages: user('hi') }).catch((e) => e);

    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error.status).toBe(500);
  });

  it('sends a custom error body', async () => {
    const { client } = await start(() => ({
      kind: 'status',
      status: 400,
      body: { error: { message: 'context too long', type: 'invalid_request_error', code: 'context_length_exceeded' } },
    }));

    await expect(client.chat.completions.create({ model: 'test-model', messages: user('hi') })).rejects.toMatchObject({
      status: 400,
      code: 'context_length_exceeded',
      message: expect.stringContaining('context too long'),
    });
  });

  it('surfaces a dropped connection as an APIConnectionError', async () => {
    const { server, client } = await start(() => ({ kind: 'drop' }));

    const error = await client.chat.completions.create({ model: 'test-model', messages: user('hi') }).catch((e) => e);

    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it('drops a streaming response halfway through', async () => {
    const { client } = await start(() => [{ kind: 'drop' }, { content: 'a long answer that never arrives in full' }]);

    const stream = await client.chat.completions.create({ model: 'test-model', messages: user('hi'), stream: true });
    let content = '';
    const consume = async () => {
      for await (const chunk of stream) content += chunk.choices[0]?.delta.content ?? '';
    };

    // undici's own TypeError('terminated'): the SDK does not wrap errors of a stream already under way.
    await expect(consume()).rejects.toThrow();
    expect(content).not.toBe('');
    expect(content.length).toBeLessThan('a long answer that never arrives in full'.length);
  });

  it('waits for a delay, then answers', async () => {
    const { client } = await start(() => [{ kind: 'delay', ms: 30 }, { content: 'late' }]);

    const started = Date.now();
    const completion = await client.chat.completions.create({ model: 'test-model', messages: user('hi') });

    expect(completion.choices[0].message.content).toBe('late');
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('sends tool-call arguments that are not valid JSON, streaming or not', async () => {
    const { client } = await start(() => [
      { kind: 'malformed-arguments' },
      { toolCalls: [{ name: 'edit', arguments: { path: 'a.ts' } }] },
    ]);

    const completion = await client.chat.completions.create({ model: 'test-model', messages: user('hi') });
    const call = completion.choices[0].message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('edit');
    expect(() => JSON.parse(call?.type === 'function' ? call.function.arguments : '{}')).toThrow(SyntaxError);

    const stream = await client.chat.completions.create({ model: 'test-model', messages: user('hi'), stream: true });
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
    expect(() => JSON.parse(streamed)).toThrow(SyntaxError);
  });

  it('answers a handler bug with a non-retryable 500 naming it', async () => {
    const { server } = await start(() => [{ content: 'a' }, { content: 'b' }]);
    const client = new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 2 });

    await expect(client.chat.completions.create({ model: 'test-model', messages: user('hi') })).rejects.toMatchObject({
      status: 500,
      message: expect.stringContaining('more than one reply'),
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('scriptedModel', () => {
  const scripts = {
    'task one': [{ content: 'one, turn 0' }, { content: 'one, turn 1' }],
    'task two': [{ content: 'two, turn 0' }],
  };

  it('picks the script by the first user message and the turn by the assistant messages so far', async () => {
    const { client } = await start(scriptedModel(scripts));
    const ask = async (messages: ChatCompletionMessageParam[]) =>
      (await client.chat.completions.create({ model: 'test-model', messages })).choices[0].message;

    expect((await ask([{ role: 'system', content: 'task two' }, ...user('do task one please')])).content).toBe('one, turn 0');
    expect((await ask(user('do task two'))).content).toBe('two, turn 0');
    expect(
      (await ask([...user('do task one'), { role: 'assistant', content: 'one, turn 0' }, ...user('go on')])).content,
    ).toBe('one, turn 1');

    const finished = await ask([...user('do task two'), { role: 'assistant', content: 'two, turn 0' }]);
    expect(finished.tool_calls?.map((call) => call.type === 'function' && [call.function.name, JSON.parse(call.function.arguments)])).toEqual([
      ['finish', { summary: 'done' }],
    ]);
  });

  it('counts assistant turns on the responses API too', async () => {
    const { client } = await start(scriptedModel(scripts));

    const response = await client.responses.create({
      model: 'test-model',
      input: [
        { role: 'user', content: 'task one' },
        { type: 'function_call', call_id: 'c1', name: 'read_file', arguments: '{}' },
        { type: 'function_call_output', call_id: 'c1', output: 'text' },
      ],
    });

    expect(response.output_text).toBe('one, turn 1');
  });

  it('answers the fallback once a script is used up', async () => {
    const { client } = await start(scriptedModel(scripts, { fallback: { content: 'nothing more' } }));

    const completion = await client.chat.completions.create({
      model: 'test-model',
      messages: [...user('task two'), { role: 'assistant', content: 'two, turn 0' }],
    });

    expect(completion.choices[0].message.content).toBe('nothing more');
  });

  it('answers 400 naming the keys when no key matches', async () => {
    const { client } = await start(scriptedModel(scripts));

    const error = await client.chat.completions.create({ model: 'test-model', messages: user('task three') }).catch((e) => e);

    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.status).toBe(400);
    expect(error.message).toContain('"task one", "task two"');
  });
});

describe('server', () => {
  it('lists one model', async () => {
    const { client } = await start(() => ({}));

    const models = await client.models.list();

    expect(models.data.map((model) => model.id)).toEqual(['test-model']);
  });

  it('answers unknown routes with a 404 in the OpenAI error shape and records no request', async () => {
    const { server } = await start(() => ({}));

    const response = await fetch(`${server.url}/embeddings`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { message: 'Invalid URL (POST /v1/embeddings)', type: 'invalid_request_error', param: null, code: 'unknown_url' },
    });
    expect(server.requests).toEqual([]);
  });

  it('uses the handler set last', async () => {
    const { server, client } = await start(() => ({ content: 'first' }));
    server.setHandler(() => ({ content: 'second' }));

    const completion = await client.chat.completions.create({ model: 'test-model', messages: user('hi') });

    expect(completion.choices[0].message.content).toBe('second');
  });

  it('closes while a delayed response is pending', async () => {
    let handlerCalled!: () => void;
    const delaying = new Promise<void>((resolve) => (handlerCalled = resolve));
    const { server, client } = await start(() => {
      handlerCalled();
      return [{ kind: 'delay', ms: 60_000 }, { content: 'never' }];
    });

    const pending = client.chat.completions.create({ model: 'test-model', messages: user('hi') }).catch((e) => e);
    await delaying;
    await server.close();

    expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError);
  });
});
