import { runWithProvider } from '../agent/run-with-provider';
import type { AgentOutcome } from '../agent/agent-event';
import type { AgentJob, MainMessage, WorkerMessage } from './agent-job';
import { gatedModel, ModelCallGate } from './model-call-gate';

/** Worker entry: runs one agent and streams its events back over the job's port. */
export default async function runAgentJob(job: AgentJob): Promise<AgentOutcome> {
  const post = (message: WorkerMessage) => job.port.postMessage(message);
  const stop = new AbortController();
  job.port.on('message', (message: MainMessage) => {
    if (message.type === 'abort') stop.abort();
  });
  let outcome: AgentOutcome;
  try {
    outcome = await runWithProvider(
      job.provider,
      {
        instructions: job.instructions,
        prompt: job.prompt,
        history: job.history,
        roots: { worktree: job.worktree, readOnly: job.readOnly },
        maxTurns: job.maxTurns,
        commandPolicy: job.limits?.commandPolicy,
        timeoutMs: job.limits?.timeoutMs,
        env: job.env ? { ...process.env, ...job.env } : undefined,
        signal: stop.signal,
        onEvent: (event) => post({ type: 'event', event }),
      },
      // Every model call of the pool waits for the shared gate (see ModelCallGate).
      (model) => (job.gate ? gatedModel(model, new ModelCallGate(job.gate)) : model),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = { status: 'failed', summary: message, turns: 0, usage: { inputTokens: 0, outputTokens: 0 }, wrote: [], error: message };
  }
  post({ type: 'done', outcome });
  job.port.close();
  return outcome;
}
