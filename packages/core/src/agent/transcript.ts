/**
 * A recorded run of one task: the model's turns in order. The replay provider plays them back
 * through the real agent loop, so tools really run against the worktree.
 *
 * File format (JSON), `schemaVersion: 1`:
 * {
 *   "schemaVersion": 1,
 *   "taskId": "users-validation",
 *   "model": "gpt-5-codex",
 *   "turns": [
 *     { "reasoning": "…", "content": "…",
 *       "toolCalls": [{ "id": "call_1", "name": "read_file", "arguments": { "path": "src/a.ts" } }] }
 *   ]
 * }
 * `arguments` may be an object (readable, as hand-written transcripts use) or the raw JSON string.
 * `failed: true` marks a call whose tool failed when it was recorded (the model then corrected
 * itself): replay expects that failure again instead of taking it for a changed codebase.
 */
export interface TranscriptToolCall {
  id?: string;
  name: string;
  arguments: Record<string, unknown> | string;
  failed?: boolean;
}

export interface TranscriptTurn {
  reasoning?: string;
  content?: string;
  toolCalls?: TranscriptToolCall[];
  usage?: { inputTokens: number; outputTokens: number };
}

export interface Transcript {
  schemaVersion: 1;
  taskId: string;
  model?: string;
  turns: TranscriptTurn[];
}
