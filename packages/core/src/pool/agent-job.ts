import type { MessagePort } from 'node:worker_threads';
import type { AgentEvent, AgentOutcome } from '../agent/agent-event';
import type { AgentLimits } from '../agent/agent-limits';
import type { ProviderConfig } from '../agent/providers/provider-config';
import type { ConversationMessage } from '../agent/model';

/** Everything a worker needs to run one agent. Serialisable, apart from the transferred port. */
export interface AgentJob {
  taskId: string;
  prompt: string;
  instructions: string;
  worktree: string;
  readOnly: string[];
  provider: ProviderConfig;
  maxTurns: number;
  /** A follow-up: the thread's conversation so far; `prompt` is then the new user message. */
  history?: ConversationMessage[];
  limits?: AgentLimits;
  /** The pool's ModelCallGate, shared by every worker: model calls wait for a slot. */
  gate?: SharedArrayBuffer;
  /** Added to the environment the agent's commands start from (the task's ports); secrets are still removed. */
  env?: Record<string, string>;
  port: MessagePort;
}

/** Messages from a worker to the main thread about one job. `done` is always the last. */
export type WorkerMessage = { type: 'event'; event: AgentEvent } | { type: 'done'; outcome: AgentOutcome };

/** Messages from the main thread to a worker about its job: stop the agent (Ctrl-C, an abort). */
export type MainMessage = { type: 'abort' };
