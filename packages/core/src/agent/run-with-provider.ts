import type { AgentOutcome } from './agent-event';
import { runCommandAgent } from './providers/command-provider';
import { createModelClient, type ProviderConfig } from './providers/provider-config';
import { runAgent, type RunAgentOptions } from './run-agent';

/**
 * One task's agent, whichever provider runs it: the built-in tool loop over a model (openai,
 * replay), or an external agent CLI that brings its own loop (command).
 */
export function runWithProvider(provider: ProviderConfig, options: Omit<RunAgentOptions, 'model'>): Promise<AgentOutcome> {
  if (provider.kind === 'command') {
    return runCommandAgent(provider, { prompt: options.prompt, history: options.history, worktree: options.roots.worktree, signal: options.signal, env: options.env, onEvent: options.onEvent });
  }
  return runAgent({ ...options, model: createModelClient(provider) });
}
