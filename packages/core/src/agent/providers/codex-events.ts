import { isAbsolute, relative } from 'node:path';
import type { AgentEvent } from '../agent-event';
import type { TokenUsage, ToolCall } from '../model';

/**
 * The JSONL stream of `codex exec --json` (codex-rs/exec, `ThreadEvent`): `thread.started`,
 * `turn.started`, `turn.completed` (with usage), `turn.failed`, `item.started|updated|completed`
 * and `error`. Items carry `id` and `type`: agent_message, reasoning, command_execution,
 * file_change, mcp_tool_call, web_search, todo_list, plan, error. Only what we read is typed here.
 */
export interface CodexItem {
  id?: string;
  type: string;
  text?: string;
  command?: string;
  aggregated_output?: string;
  exit_code?: number | null;
  status?: string;
  changes?: Array<{ path: string; kind: string }>;
  server?: string;
  tool?: string;
  arguments?: unknown;
  result?: { content?: unknown[]; structured_content?: unknown } | null;
  error?: { message?: string } | null;
  query?: string;
  message?: string;
}

export type CodexEvent =
  | { type: 'thread.started'; thread_id: string }
  | { type: 'turn.started' }
  | { type: 'turn.completed'; usage?: { input_tokens?: number; cached_input_tokens?: number; output_tokens?: number } }
  | { type: 'turn.failed'; error?: { message?: string } }
  | { type: 'item.started' | 'item.updated' | 'item.completed'; item: CodexItem }
  | { type: 'error'; message?: string };

const EVENT_TYPES = new Set(['thread.started', 'turn.started', 'turn.completed', 'turn.failed', 'item.started', 'item.updated', 'item.completed', 'item.plan.delta', 'request_user_input', 'error']);
const OUTPUT_CAP = 64 * 1024;

/** A parsed stdout line that is one of codex's events (anything else is plain output). */
export function isCodexEvent(value: unknown): value is CodexEvent {
  return typeof value === 'object' && value !== null && EVENT_TYPES.has((value as { type?: unknown }).type as string);
}

type AssistantEvent = Extract<AgentEvent, { type: 'assistant' }>;

/**
 * Turns codex's events into the thread's agent events, shaped as the built-in loop's are: an
 * assistant turn (reasoning, message, the tool call) followed by the tool's result. Commands run,
 * file changes, MCP calls and web searches become tool calls; a turn's usage goes on its last
 * assistant event. Stateful (one per process); pure otherwise.
 */
export class CodexEventReader {
  threadId: string | undefined;
  lastMessage: string | undefined;
  /** The reason codex gave for failing (`turn.failed`, `error`), if it did. */
  failure: string | undefined;
  readonly usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  /** Files codex reported changing, relative to the worktree. */
  readonly changed = new Set<string>();
  turns = 0;
  private pending: AssistantEvent | undefined;

  constructor(private readonly worktree: string) {}

  read(event: CodexEvent): AgentEvent[] {
    const out: AgentEvent[] = [];
    switch (event.type) {
      case 'thread.started':
        this.threadId = event.thread_id;
        break;
      case 'turn.completed': {
        const usage = { inputTokens: event.usage?.input_tokens ?? 0, outputTokens: event.usage?.output_tokens ?? 0 };
        this.usage.inputTokens += usage.inputTokens;
        this.usage.outputTokens += usage.outputTokens;
        this.take().usage = usage;
        this.flush(out);
        break;
      }
      case 'turn.failed':
      case 'error': {
        const message = (event.type === 'error' ? event.message : event.error?.message) ?? `codex reported ${event.type} without a message`;
        this.failure = message;
        this.flush(out);
        out.push({ type: 'error', message });
        break;
      }
      case 'item.completed':
        this.item(event.item, out);
        break;
    }
    return out;
  }

  /** What is still held back at the end of the stream. */
  end(): AgentEvent[] {
    const out: AgentEvent[] = [];
    this.flush(out);
    return out;
  }

  private item(item: CodexItem, out: AgentEvent[]): void {
    const id = item.id ?? `item_${this.turns}`;
    switch (item.type) {
      case 'reasoning': {
        if (this.pending?.content || this.pending?.toolCalls.length) this.flush(out);
        const current = this.take();
        current.reasoning = current.reasoning ? `${current.reasoning}\n${item.text ?? ''}` : (item.text ?? '');
        break;
      }
      case 'agent_message':
        if (this.pending?.content || this.pending?.toolCalls.length) this.flush(out);
        this.take().content = item.text ?? '';
        this.lastMessage = item.text ?? this.lastMessage;
        break;
      case 'command_execution': {
        const ok = item.status === 'completed' && item.exit_code === 0;
        const head = item.status === 'declined' ? 'declined' : item.exit_code === null || item.exit_code === undefined ? `${item.status ?? 'ended'}` : `exit code ${item.exit_code}`;
        this.call(out, { id, name: 'run_command', arguments: JSON.stringify({ command: item.command ?? '' }) }, `${head}\n${cap(item.aggregated_output ?? '')}`, !ok);
        break;
      }
      case 'file_change': {
        const changes = (item.changes ?? []).map((change) => ({ path: this.relative(change.path), kind: change.kind }));
        const wrote = changes.filter((change) => change.kind !== 'delete').map((change) => change.path);
        if (item.status !== 'failed') for (const change of changes) this.changed.add(change.path);
        const output = `${item.status ?? 'completed'}\n${changes.map((change) => `${change.kind} ${change.path}`).join('\n')}`;
        this.call(out, { id, name: 'apply_patch', arguments: JSON.stringify({ changes }) }, output, item.status === 'failed', item.status === 'failed' ? undefined : wrote);
        break;
      }
      case 'mcp_tool_call': {
        const output = item.error?.message ?? cap(JSON.stringify(item.result?.structured_content ?? item.result?.content ?? null));
        this.call(out, { id, name: `mcp:${item.server ?? '?'}/${item.tool ?? '?'}`, arguments: JSON.stringify(item.arguments ?? {}) }, output, item.status === 'failed' || !!item.error);
        break;
      }
      case 'web_search':
        this.call(out, { id, name: 'web_search', arguments: JSON.stringify({ query: item.query ?? '' }) }, 'searched', false);
        break;
      case 'error':
        this.flush(out);
        out.push({ type: 'error', message: item.message ?? 'codex reported an error item without a message' });
        break;
    }
  }

  private call(out: AgentEvent[], call: ToolCall, output: string, isError: boolean, wrote?: string[]): void {
    if (this.pending?.toolCalls.length) this.flush(out);
    this.take().toolCalls.push(call);
    this.flush(out);
    out.push({ type: 'tool-result', toolCallId: call.id, name: call.name, output, isError, ...(wrote ? { wrote } : {}) });
  }

  private take(): AssistantEvent {
    this.pending ??= { type: 'assistant', turn: 0, toolCalls: [] };
    return this.pending;
  }

  private flush(out: AgentEvent[]): void {
    if (!this.pending) return;
    this.turns += 1;
    out.push({ ...this.pending, turn: this.turns });
    this.pending = undefined;
  }

  private relative(path: string): string {
    return isAbsolute(path) ? relative(this.worktree, path).split('\\').join('/') : path;
  }
}

function cap(text: string): string {
  return text.length <= OUTPUT_CAP ? text : `${text.slice(0, OUTPUT_CAP)}\n(output capped at ${OUTPUT_CAP} characters)`;
}
