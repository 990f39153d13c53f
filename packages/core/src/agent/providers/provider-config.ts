import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CodewavesError } from '../../errors';
import type { Task } from '../../tasks';
import type { ModelClient } from '../model';
import { commandArgv } from './command-line';
import type { CommandAgentConfig } from './command-provider';
import { createOpenAIClient } from './openai-provider';
import { createRecordingClient } from './record-provider';
import { createReplayClient } from './replay-provider';
import type { ReasoningSummary } from './responses-api';

export const DEFAULT_MODEL = 'gpt-5-codex';

export type OpenAIProviderConfig = {
  kind: 'openai';
  model: string;
  baseURL?: string;
  apiKey: string;
  stream: boolean;
  api: 'chat' | 'responses';
  timeoutMs?: number;
  reasoningSummary?: ReasoningSummary;
};

/** Serialisable: the main thread decides, the worker builds the client from it. */
export type ProviderConfig =
  | OpenAIProviderConfig
  | { kind: 'replay'; transcript: string; delayMs?: number }
  /** The openai provider, each turn written to the transcript replay reads. */
  | { kind: 'record'; transcript: string; taskId: string; model: OpenAIProviderConfig }
  | CommandAgentConfig;

export interface ProviderOptions {
  /** `record`: the openai provider, writing each task's transcript for replay (`<task dir>/<id>.transcript.json`). */
  provider?: 'openai' | 'replay' | 'command' | 'record';
  model?: string;
  baseURL?: string;
  replayDelayMs?: number;
  /** command: the agent CLI, argv or one line split without a shell (CODEWAVES_AGENT_COMMAND). */
  agentCommand?: string | string[];
  /** command: secret-looking variables the agent CLI may see, by name (CODEWAVES_AGENT_ENV, comma-separated). */
  agentEnv?: string[];
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
  const command = task.agent.command ?? options.agentCommand ?? (env.CODEWAVES_AGENT_COMMAND || undefined);
  let kind =
    task.agent.provider ?? (task.agent.command ? 'command' : undefined) ?? options.provider ?? (options.agentCommand ? 'command' : undefined) ??
    (env.OPENAI_API_KEY ? 'openai' : existsSync(transcript) ? 'replay' : undefined);
  // Recording a run records every task that talks to a model, including those that name openai themselves.
  if (options.provider === 'record' && kind === 'openai') kind = 'record';
  if (kind === 'replay') return { kind: 'replay', transcript, delayMs: options.replayDelayMs };
  if (kind === 'openai') return openaiConfig(task, options, env);
  if (kind === 'record') return { kind: 'record', transcript, taskId: task.id, model: openaiConfig(task, options, env) };
  if (kind === 'command') {
    if (!command) {
      throw new CodewavesError('PROVIDER_CONFIG', `task \`${task.id}\` uses the command provider but names no agent command`, {
        location: { file: task.file },
        hint: 'set agent.command in the task (e.g. [codex, exec, --json, "{prompt}"]), or pass --agent-command, or export CODEWAVES_AGENT_COMMAND',
      });
    }
    const allowEnv = task.agent.allowEnv ?? options.agentEnv ?? (env.CODEWAVES_AGENT_ENV ? env.CODEWAVES_AGENT_ENV.split(',').map((name) => name.trim()).filter(Boolean) : []);
    return { kind: 'command', argv: commandArgv(command), allowEnv };
  }
  throw new CodewavesError('PROVIDER_CONFIG', `no model for task \`${task.id}\`: OPENAI_API_KEY is not set and there is no recorded transcript at ${transcript}`, {
    location: { file: task.file },
    hint: 'export OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server), or pass --provider replay with a recorded transcript',
  });
}

function openaiConfig(task: Task, options: ProviderOptions, env: NodeJS.ProcessEnv): OpenAIProviderConfig {
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
    ...(isReasoningSummary(env.CODEWAVES_REASONING_SUMMARY) ? { reasoningSummary: env.CODEWAVES_REASONING_SUMMARY } : {}),
  };
}

/** The model behind the built-in agent loop; the command provider brings its own loop and has none. */
export function createModelClient(config: Exclude<ProviderConfig, CommandAgentConfig>): ModelClient {
  if (config.kind === 'replay') return createReplayClient(config.transcript, { delayMs: config.delayMs });
  if (config.kind === 'record') return createRecordingClient(createModelClient(config.model), { transcriptPath: config.transcript, taskId: config.taskId, model: config.model.model });
  return createOpenAIClient({ model: config.model, apiKey: config.apiKey, baseURL: config.baseURL, stream: config.stream, api: config.api, timeoutMs: config.timeoutMs, reasoningSummary: config.reasoningSummary });
}

function isReasoningSummary(value: string | undefined): value is ReasoningSummary {
  return value === 'auto' || value === 'concise' || value === 'detailed';
}
