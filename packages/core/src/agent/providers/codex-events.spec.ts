import { CodexEventReader, isCodexEvent, type CodexEvent } from './codex-events';

describe('CodexEventReader', () => {
  const read = (events: CodexEvent[]) => {
    const reader = new CodexEventReader('/work/tree');
    const out = events.flatMap((event) => reader.read(event));
    return { reader, out: [...out, ...reader.end()] };
  };

  it('tells codex events from other JSON output', () => {
    expect(isCodexEvent({ type: 'item.completed', item: { type: 'agent_message', text: 'hi' } })).toBe(true);
    expect(isCodexEvent({ type: 'log', msg: 'x' })).toBe(false);
    expect(isCodexEvent(['turn.started'])).toBe(false);
  });

  it('turns MCP calls, web searches, declined commands and error items into tool calls and errors', () => {
    const { reader, out } = read([
      { type: 'thread.started', thread_id: 't-1' },
      { type: 'item.completed', item: { id: 'a', type: 'mcp_tool_call', server: 'docs', tool: 'lookup', arguments: { q: 'x' }, result: { content: [{ type: 'text', text: 'found' }] }, error: null, status: 'completed' } },
      { type: 'item.completed', item: { id: 'b', type: 'web_search', query: 'node abort signal' } },
      { type: 'item.completed', item: { id: 'c', type: 'command_execution', command: 'rm -rf /', aggregated_output: '', exit_code: null, status: 'declined' } },
      { type: 'item.completed', item: { id: 'd', type: 'error', message: 'sandbox denied a write' } },
      { type: 'item.completed', item: { id: 'e', type: 'file_change', changes: [{ path: '/work/tree/src/a.ts', kind: 'delete' }], status: 'failed' } },
      { type: 'item.completed', item: { id: 'f', type: 'todo_list' } },
      { type: 'turn.failed', error: { message: 'stream disconnected' } },
    ]);
    expect(reader.threadId).toBe('t-1');
    expect(reader.failure).toBe('stream disconnected');
    expect(reader.changed.size).toBe(0);
    expect(out).toEqual([
      { type: 'assistant', turn: 1, toolCalls: [{ id: 'a', name: 'mcp:docs/lookup', arguments: '{"q":"x"}' }] },
      { type: 'tool-result', toolCallId: 'a', name: 'mcp:docs/lookup', output: '[{"type":"text","text":"found"}]', isError: false },
      { type: 'assistant', turn: 2, toolCalls: [{ id: 'b', name: 'web_search', arguments: '{"query":"node abort signal"}' }] },
      { type: 'tool-result', toolCallId: 'b', name: 'web_search', output: 'searched', isError: false },
      { type: 'assistant', turn: 3, toolCalls: [{ id: 'c', name: 'run_command', arguments: '{"command":"rm -rf /"}' }] },
      { type: 'tool-result', toolCallId: 'c', name: 'run_command', output: 'declined\n', isError: true },
      { type: 'error', message: 'sandbox denied a write' },
      { type: 'assistant', turn: 4, toolCalls: [{ id: 'e', name: 'apply_patch', arguments: '{"changes":[{"path":"src/a.ts","kind":"delete"}]}' }] },
      { type: 'tool-result', toolCallId: 'e', name: 'apply_patch', output: 'failed\ndelete src/a.ts', isError: true },
      { type: 'error', message: 'stream disconnected' },
    ]);
  });

  it('puts a turn\'s usage on its last message, or on an event of its own', () => {
    const { reader, out } = read([
      { type: 'item.completed', item: { id: 'r', type: 'reasoning', text: 'think' } },
      { type: 'item.completed', item: { id: 'm', type: 'agent_message', text: 'first' } },
      { type: 'turn.completed', usage: { input_tokens: 10, cached_input_tokens: 4, output_tokens: 2 } },
      { type: 'turn.completed', usage: { input_tokens: 5, output_tokens: 1 } },
    ]);
    expect(out).toEqual([
      { type: 'assistant', turn: 1, reasoning: 'think', content: 'first', toolCalls: [], usage: { inputTokens: 10, outputTokens: 2 } },
      { type: 'assistant', turn: 2, toolCalls: [], usage: { inputTokens: 5, outputTokens: 1 } },
    ]);
    expect(reader.usage).toEqual({ inputTokens: 15, outputTokens: 3 });
    expect(reader.lastMessage).toBe('first');
  });
});
