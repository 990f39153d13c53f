import type { RunOptions } from '@codewaves/core';
import type { CodexExecutorOptions } from '../schema';

/** Executor options in Nx's spelling to the engine's run options. */
export function toRunOptions(options: CodexExecutorOptions): Pick<RunOptions, 'provider' | 'agentCommand' | 'agentEnv' | 'model' | 'baseURL' | 'concurrency' | 'maxTurns' | 'allowDirty' | 'checkCommand' | 'rerunConflicts'> {
  return {
    provider: options.provider,
    agentCommand: options.agentCommand,
    agentEnv: options.agentEnv,
    model: options.model,
    baseURL: options.baseUrl,
    concurrency: options.concurrency,
    maxTurns: options.maxTurns,
    allowDirty: options.allowDirty,
    checkCommand: options.checkCommand,
    rerunConflicts: options.rerunConflicts,
  };
}
