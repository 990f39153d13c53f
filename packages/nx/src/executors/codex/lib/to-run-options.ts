import { CodewavesError, createFootprintAssist, parseDuration, type RunOptions } from '@codewaves/core';
import type { CodexExecutorOptions } from '../schema';

/** Executor options in Nx's spelling to the engine's run options. */
export function toRunOptions(
  options: CodexExecutorOptions,
  env: NodeJS.ProcessEnv = process.env,
): Pick<RunOptions, 'provider' | 'agentCommand' | 'agentEnv' | 'model' | 'baseURL' | 'concurrency' | 'maxTurns' | 'allowDirty' | 'checkCommand' | 'setupCommand' | 'policy' | 'rerunConflicts' | 'taskTimeoutMs' | 'commandPolicy' | 'pricesFile' | 'assist' | 'cache'> {
  const taskTimeoutMs = options.taskTimeout === undefined ? undefined : parseDuration(options.taskTimeout);
  if (options.taskTimeout !== undefined && taskTimeoutMs === undefined) {
    throw new CodewavesError('USAGE', `taskTimeout ${JSON.stringify(options.taskTimeout)} is not a duration`, { hint: 'write a duration such as 10m, 90s or 1h30m, or a number of seconds' });
  }
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
    setupCommand: options.setup,
    policy: { ...(options.vague === 'share' ? { vague: 'share' as const } : {}), ...(options.guard !== undefined ? { guard: options.guard } : {}) },
    rerunConflicts: options.rerunConflicts,
    taskTimeoutMs,
    commandPolicy: { allow: options.allowCommands, deny: options.denyCommands, defaultDeny: options.defaultDeny },
    pricesFile: options.prices,
    assist: createFootprintAssist(options, env),
    cache: options.cache,
  };
}
