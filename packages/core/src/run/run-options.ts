import type { ProviderOptions } from '../agent/providers/provider-config';
import type { AgentLimitOptions } from './agent-limits';
import type { Plan } from '../plan';
import type { ThreadStatus } from '../threads';
import type { SprintOptions } from './plan-sprint';
import type { RunSummary } from './run-summary';

/** Progress callbacks: the CLI prints them, the Nx executor too, tests record them. */
export interface RunReporter {
  plan?(plan: Plan): void;
  runStarted?(info: { runId: string; integrationBranch: string; threadsDir: string }): void;
  waveStarted?(wave: number, taskIds: string[]): void;
  status?(taskId: string, status: ThreadStatus, reason: string): void;
  waveMerged?(wave: number, head: string): void;
  /** The wave's check on its merged result ran; after a failure it runs again once the blamed tasks had their follow-up. */
  waveChecked?(wave: number, check: { command: string; ok: boolean; exitCode: number | null; durationMs: number; attempt: 'first' | 'after-fixes' }): void;
  finished?(summary: RunSummary): void;
}

export interface RunOptions extends SprintOptions, ProviderOptions, AgentLimitOptions {
  /** Agents at once (default 4). */
  concurrency?: number;
  runId?: string;
  /** Run even when files in a task's footprint have uncommitted changes the agents would not see. */
  allowDirty?: boolean;
  maxTurns?: number;
  /** Give a task that conflicts at the wave merge one re-run on the merged code (default true). */
  rerunConflicts?: boolean;
  /**
   * Run on each wave's merged result (in a scratch worktree, with CODEWAVES_WAVE_BASE and
   * CODEWAVES_WAVE_HEAD set); the tasks a failure points at get one follow-up with its output.
   * Default in an Nx workspace: `nx affected -t lint,test,typecheck` over the wave; "none" turns it off.
   */
  checkCommand?: string;
  /** A JSON price file over the built-in prices (default: CODEWAVES_PRICES). */
  pricesFile?: string;
  /**
   * Run in each new worktree before its agent starts (copy .env.example, build what the tasks
   * import), with the task's ports (PORT, CODEWAVES_PORT_BASE, CODEWAVES_PORT_COUNT) set.
   */
  setupCommand?: string;
  reporter?: RunReporter;
  /**
   * Stops the run (the CLI aborts it on Ctrl-C): running agents are cancelled from inside their
   * workers, their commands killed, no more waves start and the interrupted wave is not merged.
   * Every thread, worktree and branch stays consistent: `codewaves resume` continues the run.
   */
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Overrides the built worker file (tests). */
  workerFile?: string;
}
