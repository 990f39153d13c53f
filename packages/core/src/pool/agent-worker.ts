import { runWithProvider } from '../agent/run-with-provider';
import type { AgentOutcome } from '../agent/agent-event';
import type { AgentJob, WorkerMessage } from './agent-job';

/** Worker entry: runs one agent and streams its events back over the job's port. */
export default async function runAgentJob(job: AgentJob): Promise<AgentOutcome> {
  const post = (message: WorkerMessage) => job.port.postMessage(message);
  let outcome: AgentOutcome;
  try {
    outcome = await runWithProvider(job.provider, {
      instructions: job.instructions,
      prompt: job.prompt,
      history: job.history,
      roots: { worktree: job.worktree, readOnly: job.readOnly },
      maxTurns: job.maxTurns,
      onEvent: (event) => post({ type: 'event', event }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = { status: 'failed', summary: message, turns: 0, usage: { inputTokens: 0, outputTokens: 0 }, wrote: [], error: message };
  }
  post({ type: 'done', outcome });
  job.port.close();
  return outcome;
}
