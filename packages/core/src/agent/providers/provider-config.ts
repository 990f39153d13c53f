import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CodewavesError } from '../../errors';
import type { Task } from '../../tasks';
import type { ModelClient } from '../model';
import { createOpenAIClient } from './openai-provider';
import { createReplayClient } from './replay-provider';

export const DEFAULT_MODEL = 'gpt-5-codex';

/** Serialisable: the main thread decides, the worker builds the client from it. */
export type ProviderConfig =
  | { kind: 'openai'; model: string; baseURL?: string; apiKey: string; stream: boolean; api: 'chat' | 'responses'; timeoutMs?: number }
  | { kind: 'replay'; transcript: string; delayMs?: number };

export interface ProviderOptions {
  provider?: 'openai' | 'replay';
  model?: string;
  baseURL?: string;
  replayDelayMs?: number;
}

/** Where a task's recorded transcript lives: beside the task file, `<id>.transcript.json`. */
export function defaultTranscriptPath(root: string, task: Task): string {
  return task.agent.transcript ? resolve(root, dirname(task.file), task.agent.transcript) : join(root, dirname(task.file), `${task.id}.transcript.json`);
}

/**
 * Which model runs a task. The task's front matter wins, then the run's options; with neither, a
 * set OPENAI_API_KEY means the openai provider, as the SDK's users expect, and otherwise a recorded
 * transcript beside the task file is replayed.
 */
export function resolveProvider(task: Task, root: string, options: ProviderOptions = {}, env: NodeJS.ProcessEnv = process.env): ProviderConfig {
  const transcript = defaultTranscriptPath(root, task);
  const kind = task.agent.provider ?? options.provider ?? (env.OPENAI_API_KEY ? 'openai' : existsSync(transcript) ? 'replay' : undefined);
  if (kind === 'replay') return { kind: 'replay', transcript, delayMs: options.replayDelayMs };
  if (kind === 'openai') {
    if (!env.OPENAI_API_KEY) {
      throw new CodewavesError('PROVIDER_CONFIG', `task \`${task.id}\` uses the openai provider but OPENAI_API_KEY is not set`, {
        location: { file: task.file },
        hint: 'export OPENAI_API_KEY (any non-empty value for a local server) and, for a compatible server, OPENAI_BASE_URL',
      });
    }
    return {
      kind: 'openai',
      model: task.agent.model ?? options.model ?? env.CODEWAVES_MODEL ?? DEFAULT_MODEL,
      baseURL: task.agent.baseURL ?? options.baseURL ?? (env.OPENAI_BASE_URL || undefined),
      apiKey: env.OPENAI_API_KEY,
      stream: env.CODEWAVES_STREAM !== '0',
      api: env.CODEWAVES_OPENAI_API === 'responses' ? 'responses' : 'chat',
    };
  }
  if (kind === 'command') {
    throw new CodewavesError('PROVIDER_CONFIG', `task \`${task.id}\` asks for the command provider, which this version does not run yet`, {
      location: { file: task.file },
      hint: 'use provider openai or replay',
    });
  }
  throw new CodewavesError('PROVIDER_CONFIG', `no model for task \`${task.id}\`: OPENAI_API_KEY is not set and there is no recorded transcript at ${transcript}`, {
    location: { file: task.file },
    hint: 'export OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server), or pass --provider replay with a recorded transcript',
  });
}

export function createModelClient(config: ProviderConfig): ModelClient {
  return config.kind === 'openai'
    ? createOpenAIClient({ model: config.model, apiKey: config.apiKey, baseURL: config.baseURL, stream: config.stream, api: config.api, timeoutMs: config.timeoutMs })
    : createReplayClient(config.transcript, { delayMs: config.delayMs });
}
