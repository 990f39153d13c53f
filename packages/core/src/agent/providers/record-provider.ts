import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AssistantTurn, ModelClient, ModelRequest, ToolCall } from '../model';
import type { Transcript, TranscriptToolCall, TranscriptTurn } from '../transcript';
import { loadTranscript } from './replay-provider';

/**
 * Wraps a model client and writes every turn it answers to a transcript the replay provider plays
 * back: a real run, recorded, then repeatable offline. Turn N of the transcript is the answer to the
 * request that already holds N-1 assistant messages, as replay reads it, so a follow-up (a request
 * with history) continues the transcript the run before it wrote. The file is replaced after each
 * turn, atomically, so a run that dies midway leaves the turns it got.
 */
export function createRecordingClient(inner: ModelClient, options: { transcriptPath: string; taskId: string; model?: string }): ModelClient {
  let transcript: Transcript | undefined;
  return {
    description: `${inner.description}, recorded to ${options.transcriptPath}`,
    async complete(request: ModelRequest): Promise<AssistantTurn> {
      const index = request.messages.filter((message) => message.role === 'assistant').length;
      const reply = await inner.complete(request);
      transcript ??= index > 0 && existsSync(options.transcriptPath) ? loadTranscript(options.transcriptPath) : { schemaVersion: 1, taskId: options.taskId, ...(options.model ? { model: options.model } : {}), turns: [] };
      markFailedCalls(transcript.turns[index - 1], request);
      transcript.turns = [...transcript.turns.slice(0, index), toTranscriptTurn(reply)];
      writeTranscript(options.transcriptPath, transcript);
      return reply;
    },
  };
}

/** The previous turn's calls whose tools failed: replay must see them fail again, not stop there. */
function markFailedCalls(previous: TranscriptTurn | undefined, request: ModelRequest): void {
  if (!previous?.toolCalls) return;
  const failed = new Set(request.messages.filter((message) => message.role === 'tool' && message.isError).map((message) => (message as { toolCallId: string }).toolCallId));
  for (const call of previous.toolCalls) if (call.id && failed.has(call.id)) call.failed = true;
}

function toTranscriptTurn(reply: AssistantTurn): TranscriptTurn {
  return {
    ...(reply.reasoning ? { reasoning: reply.reasoning } : {}),
    ...(reply.content ? { content: reply.content } : {}),
    ...(reply.toolCalls.length > 0 ? { toolCalls: reply.toolCalls.map(toTranscriptCall) } : {}),
    ...(reply.usage ? { usage: reply.usage } : {}),
  };
}

/** Arguments are kept as an object when they are one (readable, and replayed as its JSON), else as the raw text. */
function toTranscriptCall(call: ToolCall): TranscriptToolCall {
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.arguments);
  } catch {
    parsed = undefined;
  }
  const readable = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  return { id: call.id, name: call.name, arguments: readable ? (parsed as Record<string, unknown>) : call.arguments };
}

function writeTranscript(path: string, transcript: Transcript): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(transcript, null, 2)}\n`);
  renameSync(temporary, path);
}
