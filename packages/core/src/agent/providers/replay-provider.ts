import { readFileSync } from 'node:fs';
import { CodewavesError } from '../../errors';
import type { AssistantTurn, ModelClient, ModelRequest } from '../model';
import type { Transcript } from '../transcript';

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
      const failed = [...request.messages].reverse().find((message, i, all) => {
        const sinceLastAssistant = all.slice(0, i).every((m) => m.role === 'tool');
        return sinceLastAssistant && message.role === 'tool' && message.isError;
      });
      if (failed && failed.role === 'tool') {
        throw new CodewavesError('TRANSCRIPT', `the recorded transcript no longer fits the code: turn ${index} called ${failed.name}, which failed: ${failed.content}`, {
          location: { file: transcriptPath },
          hint: 'record the transcript again against the current code (codewaves record), or run with a real model',
        });
      }
      const turn = transcript.turns[index];
      if (!turn) {
        throw new CodewavesError('TRANSCRIPT', `the recorded transcript has ${transcript.turns.length} turns and the agent asked for turn ${index + 1}`, {
          location: { file: transcriptPath },
          hint: 'the transcript should end with a call to finish; record it again',
        });
      }
      if (options.delayMs) await sleep(options.delayMs, request.signal);
      return {
        content: turn.content,
        reasoning: turn.reasoning,
        usage: turn.usage,
        toolCalls: (turn.toolCalls ?? []).map((call, callIndex) => ({
          id: call.id ?? `call_${index + 1}_${callIndex + 1}`,
          name: call.name,
          arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
        })),
      };
    },
  };
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
