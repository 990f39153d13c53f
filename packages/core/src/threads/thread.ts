import type { AgentEvent } from '../agent/agent-event';

export type ThreadStatus =
  | 'queued'
  | 'running'
  | 'waiting-for-input'
  | 'rate-limited'
  | 'completed'
  | 'failed'
  | 'merged'
  | 'conflicted'
  | 'cancelled';

export type ThreadEventBody =
  | AgentEvent
  | { type: 'status'; status: ThreadStatus; reason: string }
  | { type: 'commit'; commit: string; branch: string; files: string[] }
  | { type: 'drift'; unplanned: string[]; untouched: string[] }
  | { type: 'conflict'; files: string[]; excerpts: Array<{ file: string; excerpt: string }> };

/** One line of a thread's append-only log. */
export type ThreadEvent = { at: string } & ThreadEventBody;
