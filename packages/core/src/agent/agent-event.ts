import type { AssistantTurn, TokenUsage } from './model';

/** What an agent reports while it works; the thread store appends each one to the thread's log. */
export type AgentEvent =
  | { type: 'message'; role: 'system' | 'user'; content: string }
  | { type: 'assistant'; turn: number; content?: string; reasoning?: string; toolCalls: AssistantTurn['toolCalls']; usage?: TokenUsage; model?: string }
  | { type: 'tool-result'; toolCallId: string; name: string; output: string; isError: boolean; wrote?: string[] }
  | { type: 'error'; message: string }
  | { type: 'retry'; attempt: number; delayMs: number; status?: number; reason: string; poolLimit?: number }
  /** The command provider's external agent ended: how, what it printed that was not an event (capped), what it changed. */
  | { type: 'agent-process'; command: string[]; exitCode: number | null; signal: string | null; timedOut: boolean; changed: string[]; stdout: string; stderr: string };

/** `waiting-for-input`: the agent asked the user a question (ask_user); a reply continues the thread. */
export type AgentStatus = 'completed' | 'failed' | 'cancelled' | 'waiting-for-input';

export interface AgentOutcome {
  status: AgentStatus;
  summary: string;
  turns: number;
  usage: TokenUsage;
  /** Paths the agent's tools wrote, workspace-relative. */
  wrote: string[];
  error?: string;
}
