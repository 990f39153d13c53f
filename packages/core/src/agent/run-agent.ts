import { realpathSync } from 'node:fs';
import { isCodewavesError } from '../errors';
import { describeDuration } from '../tasks/duration';
import type { SandboxRoots } from '../sandbox';
import type { AgentEvent, AgentOutcome } from './agent-event';
import type { ConversationMessage, ModelClient, TokenUsage } from './model';
import type { CommandPolicy } from './tools/command-policy/command-policy';
import { DEFAULT_TOOLS, ToolArgumentError, type AgentTool } from './tools';

export interface RunAgentOptions {
  model: ModelClient;
  instructions: string;
  prompt: string;
  /** A follow-up: the thread's conversation so far; `prompt` is then the user's new message. */
  history?: readonly ConversationMessage[];
  roots: SandboxRoots;
  tools?: readonly AgentTool[];
  maxTurns?: number;
  /**
   * Wall clock for the whole run, on top of each call's own timeout and maxTurns: on expiry the model
   * call is abandoned, running commands are killed (their process groups), and the outcome is failed.
   */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The environment tools' commands start from (secrets are removed first). Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** What run_command may run; default DEFAULT_COMMAND_POLICY. */
  commandPolicy?: CommandPolicy;
  onEvent?: (event: AgentEvent) => void;
}

/**
 * The tool-calling loop: ask the model, run the tools it calls inside the sandbox, feed the results
 * back, until it calls `finish`, answers without a tool call, or runs out of turns. Tool failures go
 * back to the model as errors it can correct; model failures end the run as `failed`.
 */
export async function runAgent(options: RunAgentOptions): Promise<AgentOutcome> {
  if (options.timeoutMs === undefined) return runLoop(options);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  try {
    const outcome = await runLoop({ ...options, signal: options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal });
    if (!deadline.signal.aborted || options.signal?.aborted || outcome.status !== 'cancelled') return outcome;
    const message = `timed out after ${describeDuration(options.timeoutMs)}`;
    options.onEvent?.({ type: 'error', message });
    return { ...outcome, status: 'failed', summary: `${message} (${outcome.summary.replace(/^cancelled /, 'stopped ')})`, error: message };
  } finally {
    clearTimeout(timer);
  }
}

async function runLoop(options: RunAgentOptions): Promise<AgentOutcome> {
  const tools = options.tools ?? DEFAULT_TOOLS;
  const byName = new Map(tools.map((tool) => [tool.spec.name, tool]));
  const roots: SandboxRoots = { ...options.roots, worktree: realpathSync(options.roots.worktree) };
  const maxTurns = options.maxTurns ?? 50;
  const emit = options.onEvent ?? (() => {});
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  const wrote = new Set<string>();
  const messages: ConversationMessage[] = options.history
    ? [...options.history, { role: 'user', content: options.prompt }]
    : [
        { role: 'system', content: options.instructions },
        { role: 'user', content: options.prompt },
      ];
  if (!options.history) emit({ type: 'message', role: 'system', content: options.instructions });
  emit({ type: 'message', role: 'user', content: options.prompt });
  const firstTurn = messages.filter((message) => message.role === 'assistant').length + 1;

  const outcome = (status: AgentOutcome['status'], summary: string, turns: number, error?: string): AgentOutcome => ({
    status,
    summary,
    turns,
    usage,
    wrote: [...wrote].sort(),
    ...(error ? { error } : {}),
  });

  for (let turn = firstTurn; turn < firstTurn + maxTurns; turn++) {
    if (options.signal?.aborted) return outcome('cancelled', 'cancelled before the model answered', turn - 1);
    let reply;
    try {
      reply = await untilAborted(options.model.complete({
        messages,
        tools: tools.map((tool) => tool.spec),
        signal: options.signal,
        onRetry: (info) => emit({ type: 'retry', ...info }),
      }), options.signal);
    } catch (error) {
      if (options.signal?.aborted) return outcome('cancelled', 'cancelled while the model was answering', turn - 1);
      const message = isCodewavesError(error) ? `${error.message}${error.hint ? ` (fix: ${error.hint})` : ''}` : error instanceof Error ? error.message : String(error);
      emit({ type: 'error', message });
      return outcome('failed', `the model call failed: ${message}`, turn - 1, message);
    }
    if (reply.usage) {
      usage.inputTokens += reply.usage.inputTokens;
      usage.outputTokens += reply.usage.outputTokens;
      if (reply.usage.cachedInputTokens) usage.cachedInputTokens = (usage.cachedInputTokens ?? 0) + reply.usage.cachedInputTokens;
    }
    emit({ type: 'assistant', turn, content: reply.content, reasoning: reply.reasoning, toolCalls: reply.toolCalls, usage: reply.usage, ...(reply.model ? { model: reply.model } : {}) });
    messages.push({ role: 'assistant', content: reply.content, toolCalls: reply.toolCalls });

    if (reply.toolCalls.length === 0) return outcome('completed', reply.content?.trim() || 'done', turn);

    let finished: string | undefined;
    let question: string | undefined;
    for (const call of reply.toolCalls) {
      if (options.signal?.aborted) {
        // Every call gets a result, so the conversation stays valid for a follow-up.
        emit({ type: 'tool-result', toolCallId: call.id, name: call.name, output: 'not run: the agent was stopped', isError: true });
        messages.push({ role: 'tool', toolCallId: call.id, name: call.name, content: 'not run: the agent was stopped', isError: true });
        continue;
      }
      const result = await runTool(byName.get(call.name), call.name, call.arguments, { roots, signal: options.signal, env: options.env, commandPolicy: options.commandPolicy });
      for (const path of result.wrote ?? []) wrote.add(path);
      if (result.finished) finished = result.finished.summary;
      if (result.question) question = result.question;
      emit({ type: 'tool-result', toolCallId: call.id, name: call.name, output: result.output, isError: !!result.isError, wrote: result.wrote });
      messages.push({ role: 'tool', toolCallId: call.id, name: call.name, content: result.output, isError: !!result.isError });
    }
    if (options.signal?.aborted) return outcome('cancelled', 'stopped while its tools ran', turn);
    if (finished !== undefined) return outcome('completed', finished, turn);
    if (question !== undefined) return outcome('waiting-for-input', question, turn);
  }
  const message = `stopped after ${maxTurns} turns without calling finish`;
  emit({ type: 'error', message });
  return outcome('failed', message, firstTurn + maxTurns - 1, message);
}

/** A model call that stops waiting when the run is aborted, even if the client does not honour the signal. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function runTool(
  tool: AgentTool | undefined,
  name: string,
  rawArguments: string,
  context: Parameters<AgentTool['run']>[1],
): Promise<{ output: string; isError?: boolean; finished?: { summary: string }; question?: string; wrote?: string[] }> {
  if (!tool) return { output: `unknown tool \`${name}\`; the tools are listed in your instructions`, isError: true };
  let args: unknown;
  try {
    args = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
  } catch (error) {
    return { output: `the arguments of ${name} are not valid JSON (${(error as Error).message}); send a JSON object`, isError: true };
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    return { output: `the arguments of ${name} must be a JSON object`, isError: true };
  }
  try {
    return await tool.run(args as Record<string, unknown>, context);
  } catch (error) {
    if (error instanceof ToolArgumentError) return { output: `${name}: ${error.message}`, isError: true };
    if (isCodewavesError(error)) return { output: `${name}: ${error.message}${error.hint ? `. ${error.hint}` : ''}`, isError: true };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { output: `${name}: no such file or folder`, isError: true };
    if (code === 'EISDIR') return { output: `${name}: that path is a folder`, isError: true };
    return { output: `${name} failed: ${(error as Error).message}`, isError: true };
  }
}
