import type { ModelRequestInfo, OpenAIServer } from '../../tools/openai-server';

/** The model requests of one task's conversation: those whose first user message holds `key` (the task title). */
export function requestsFor(server: OpenAIServer, key: string): ModelRequestInfo[] {
  return server.requests.filter((request) => (request.messages.find((message) => message.role === 'user')?.content ?? '').includes(key));
}

export function countRequests(server: OpenAIServer, key: string): number {
  return requestsFor(server, key).length;
}
