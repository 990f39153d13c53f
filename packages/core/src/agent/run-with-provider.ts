import type { AgentOutcome } from './agent-event';
import { runCommandAgent } from './providers/command-provider';
import { createModelClient, type ProviderConfig } from './providers/provider-config';
import type { ModelClient } from './model';
import { runAgent, type RunAgentOptions } from './run-agent';

/**
 * One task's agent, whichever provider runs it: the built-in tool loop over a model (openai,
 * replay), or an external agent CLI that brings its own loop (command).
 */
export function runWithProvider(
  provider: ProviderConfig,
  options: Omit<RunAgentOptions, 'model'>,
  wrapModel: (model: ModelClient) => ModelClient = (model) => model,
): Promise<AgentOutcome> {
  if (provider.kind === 'command') {
    // The task's own timeout, when it has one, bounds the external CLI too.
    const config = options.timeoutMs !== undefined ? { ...provider, timeoutMs: Math.min(options.timeoutMs, provider.timeoutMs ?? Infinity) } : provider;
    return runCommandAgent(config, { prompt: options.prompt, history: options.history, worktree: options.roots.worktree, signal: options.signal, env: options.env, onEvent: options.onEvent });
  }
  return runAgent({ ...options, model: wrapModel(createModelClient(provider)) });
}
