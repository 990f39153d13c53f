/**
 * The conversation as the agent loop sees it, independent of any provider's wire format.
 * Providers translate to and from these shapes; transcripts store them as they are.
 */
export interface ToolCall {
  id: string;
  name: string;
  /** The raw JSON text the model produced: it may be malformed, and the loop must say so. */
  arguments: string;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** Of inputTokens, how many the provider served from its prompt cache (billed lower). */
  cachedInputTokens?: number;
}

export interface AssistantTurn {
  content?: string;
  /** A reasoning summary, when the provider gives one. */
  reasoning?: string;
  toolCalls: ToolCall[];
  usage?: TokenUsage;
  /** The model that answered, as the provider names it (prices are looked up by it). */
  model?: string;
}

export type ConversationMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content?: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string; isError?: boolean };

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

export interface RetryInfo {
  attempt: number;
  delayMs: number;
  /** HTTP status, when the server answered. */
  status?: number;
  reason: string;
  /**
   * Model calls the pool allows at once, as this rate limit left it: read when it happened, since
   * by the time the event reaches the main thread another agent's success may have raised it.
   */
  poolLimit?: number;
}

export interface ModelRequest {
  messages: readonly ConversationMessage[];
  tools: readonly ToolSpec[];
  signal?: AbortSignal;
  /** Told before each retry of a failed call (rate limit, server error, dropped connection). */
  onRetry?: (info: RetryInfo) => void;
}

/** One model behind one call: the OpenAI SDK, a recorded transcript, or anything else. */
export interface ModelClient {
  readonly description: string;
  complete(request: ModelRequest): Promise<AssistantTurn>;
}
