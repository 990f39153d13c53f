import { readFileSync } from 'node:fs';
import { CodewavesError } from '../../errors';
import type { AssistantTurn, ConversationMessage, ModelClient, ModelRequest } from '../model';
import type { Transcript, TranscriptTurn } from '../transcript';

const RERECORD_HINT = 're-record it against the current code with a real model: `codewaves run --provider record` (OPENAI_API_KEY set), or run with --provider openai';

/**
 * Plays a recorded transcript's turns through the real agent loop: the tools really run against
 * the worktree. Turn N answers the request that already holds N-1 assistant messages. If a tool of
 * the previous turn failed, the recording no longer fits the code, and that is an error, not a guess.
 */
export function createReplayClient(transcriptPath: string, options: { delayMs?: number } = {}): ModelClient {
  const transcript = loadTranscript(transcriptPath);
  return {
    description: `replay ${transcriptPath}`,
    async complete(request: ModelRequest): Promise<AssistantTurn> {
      const index = request.messages.filter((message) => message.role === 'assistant').length;
      const failed = unexpectedFailure(request, transcript.turns[index - 1], index);
      if (failed) {
        throw new CodewavesError('TRANSCRIPT', `the recorded transcript ${transcriptPath} no longer fits the code: turn ${index} called ${failed.name}, which failed: ${failed.content}`, {
          location: { file: transcriptPath },
          hint: RERECORD_HINT,
        });
      }
      const turn = transcript.turns[index];
      if (!turn) {
        throw new CodewavesError('TRANSCRIPT', `the recorded transcript ${transcriptPath} has ${transcript.turns.length} turns and the agent asked for turn ${index + 1}`, {
          location: { file: transcriptPath },
          hint: `the transcript should end with a call to finish; ${RERECORD_HINT}`,
        });
      }
      if (options.delayMs) await sleep(options.delayMs, request.signal);
      return {
        content: turn.content,
        reasoning: turn.reasoning,
        usage: turn.usage,
        toolCalls: (turn.toolCalls ?? []).map((call, callIndex) => ({
          id: call.id ?? toolCallId(index, callIndex),
          name: call.name,
          arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
        })),
      };
    },
  };
}

/** A tool of the previous turn that failed now although it did not when the transcript was recorded. */
function unexpectedFailure(request: ModelRequest, previous: TranscriptTurn | undefined, index: number) {
  const results: Extract<ConversationMessage, { role: 'tool' }>[] = [];
  for (let i = request.messages.length - 1; i >= 0; i--) {
    const message = request.messages[i]!;
    if (message.role !== 'tool') break;
    results.push(message);
  }
  const recorded = new Map((previous?.toolCalls ?? []).map((call, callIndex) => [call.id ?? toolCallId(index - 1, callIndex), call]));
  return results.reverse().find((result) => result.isError && !recorded.get(result.toolCallId)?.failed);
}

function toolCallId(turnIndex: number, callIndex: number): string {
  return `call_${turnIndex + 1}_${callIndex + 1}`;
}

export function loadTranscript(path: string): Transcript {
  let data: Transcript;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Transcript;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CodewavesError('TRANSCRIPT', missing ? `no transcript at ${path}` : `the transcript is not valid JSON: ${(error as Error).message}`, {
      location: { file: path },
      hint: missing ? 'record one with a real model, or set OPENAI_API_KEY to run the task live' : 'fix or record the transcript again',
    });
  }
  if (data?.schemaVersion !== 1 || !Array.isArray(data.turns)) {
    throw new CodewavesError('TRANSCRIPT', 'the transcript is not a codewaves transcript (schemaVersion 1 with a turns list)', { location: { file: path } });
  }
  return data;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
