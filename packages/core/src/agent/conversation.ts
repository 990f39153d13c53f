import type { AgentEvent } from './agent-event';
import type { ConversationMessage } from './model';

/**
 * The conversation a thread's log records, as the model saw it: what a follow-up continues from.
 * Events that are not messages (status changes, commits) are skipped.
 */
export function conversationFromEvents(events: ReadonlyArray<{ type: string }>): ConversationMessage[] {
  const messages: ConversationMessage[] = [];
  for (const raw of events) {
    const event = raw as AgentEvent;
    if (event.type === 'message') messages.push({ role: event.role, content: event.content });
    else if (event.type === 'assistant') messages.push({ role: 'assistant', content: event.content, toolCalls: event.toolCalls });
    else if (event.type === 'tool-result') messages.push({ role: 'tool', toolCallId: event.toolCallId, name: event.name, content: event.output, isError: event.isError });
  }
  return messages;
}
