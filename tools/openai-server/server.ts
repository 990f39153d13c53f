import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { chatCompletion, chatCompletionChunks, chatMessages } from './chat-completions';
import { planResponse } from './faults';
import { errorBody, errorTypeForStatus, readBody, sendJson } from './http';
import { estimateUsage, withMalformedArguments, type ReplyContext } from './replies';
import { responseObject, responsesMessages } from './responses';
import { endEventStream, startEventStream, writeEvent } from './sse';
import type { Fault, Handler, HandlerResult, ModelRequestInfo, OpenAIServer, OpenAIServerOptions, ScriptedReply } from './types';

export type {
  Fault,
  Handler,
  HandlerResult,
  ModelMessage,
  ModelRequestInfo,
  OpenAIServer,
  OpenAIServerOptions,
  ScriptedReply,
  ScriptedToolCall,
} from './types';
export { scriptedModel, type ScriptedModelOptions } from './scripted-model';

const MODEL_ID = 'test-model';
const API_BY_PATH: Record<string, ModelRequestInfo['api']> = {
  '/v1/chat/completions': 'chat',
  '/v1/responses': 'responses',
};

/**
 * Starts a local OpenAI-compatible server (Chat Completions, streaming and not; Responses,
 * non-streaming; a model list) whose answers come from `handler`. Any Authorization header is
 * accepted. Close it when the test ends.
 *
 * @example
 * const server = await startOpenAIServer({
 *   handler: () => [{ kind: 'delay', ms: 50 }, { toolCalls: [{ name: 'finish', arguments: { summary: 'ok' } }] }],
 * });
 * const client = new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
 * const completion = await client.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'hi' }] });
 * expect(server.requests[0].messages[0].content).toBe('hi');
 * await server.close();
 */
export async function startOpenAIServer(options: OpenAIServerOptions): Promise<OpenAIServer> {
  let handler: Handler = options.handler;
  const requests: ModelRequestInfo[] = [];
  const closing = new AbortController();
  let lastId = 0;
  const nextId = (prefix: string) => `${prefix}_${++lastId}`;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, { object: 'list', data: [{ id: MODEL_ID, object: 'model', created: 0, owned_by: 'codewaves' }] });
      return;
    }
    const api = req.method === 'POST' ? API_BY_PATH[path] : undefined;
    if (api === undefined) {
      sendJson(res, 404, errorBody(`Invalid URL (${req.method} ${path})`, 'invalid_request_error', 'unknown_url'));
      return;
    }
    let body: any;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      sendJson(res, 400, errorBody('We could not parse the JSON body of your request.', 'invalid_request_error'));
      return;
    }
    const request: ModelRequestInfo = {
      api,
      body,
      messages: api === 'chat' ? chatMessages(body) : responsesMessages(body),
      stream: body?.stream === true,
      headers: { ...req.headers },
    };
    requests.push(request);
    await respond(request, await handler(request), res, { nextId, signal: closing.signal });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (closing.signal.aborted || res.headersSent) {
        res.destroy();
        return;
      }
      // `x-should-retry: false` keeps the SDK from retrying a test's own bug three times.
      const message = `openai-server: ${error instanceof Error ? error.message : String(error)}`;
      sendJson(res, 500, errorBody(message, 'server_error'), { 'x-should-retry': 'false' });
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/v1`,
    requests,
    setHandler(next) {
      handler = next;
    },
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

interface RespondContext {
  nextId(prefix: string): string;
  signal: AbortSignal;
}

async function respond(request: ModelRequestInfo, result: HandlerResult, res: ServerResponse, context: RespondContext) {
  const plan = planResponse(result);
  let reply: ScriptedReply = plan.reply;
  let dropMidStream = false;
  for (const fault of plan.faults) {
    switch (fault.kind) {
      case 'delay':
        await sleep(fault.ms, undefined, { signal: context.signal });
        break;
      case 'status':
        sendStatusFault(res, fault);
        return;
      case 'drop':
        if (!request.stream) {
          res.socket?.destroy();
          return;
        }
        dropMidStream = true;
        break;
      case 'malformed-arguments':
        reply = withMalformedArguments(reply);
        break;
    }
  }
  // The client may have given up during a delay.
  if (res.destroyed) return;

  const body = request.body ?? {};
  const replyContext: ReplyContext = {
    model: typeof body.model === 'string' ? body.model : MODEL_ID,
    created: Math.floor(Date.now() / 1000),
    nextId: context.nextId,
    usage: reply.usage ?? estimateUsage(request.messages, reply),
  };
  if (request.api === 'responses') {
    if (request.stream) {
      sendJson(res, 400, errorBody('openai-server: streaming is not supported on /v1/responses', 'invalid_request_error'));
    } else {
      sendJson(res, 200, responseObject(reply, replyContext));
    }
    return;
  }
  if (!request.stream) {
    sendJson(res, 200, chatCompletion(reply, replyContext));
    return;
  }
  const chunks = chatCompletionChunks(reply, replyContext, body.stream_options?.include_usage === true);
  startEventStream(res);
  for (const chunk of dropMidStream ? chunks.slice(0, Math.ceil(chunks.length / 2)) : chunks) {
    await writeEvent(res, chunk);
  }
  if (dropMidStream) res.socket?.destroy();
  else endEventStream(res);
}

function sendStatusFault(res: ServerResponse, fault: Extract<Fault, { kind: 'status' }>): void {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  const body = fault.body ?? errorBody(`Scripted fault: status ${fault.status}`, errorTypeForStatus(fault.status));
  sendJson(res, fault.status, body, headers);
}
