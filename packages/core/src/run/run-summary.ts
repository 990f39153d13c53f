import type { ResolvedConflict } from '../merge';
import type { ThreadStatus } from '../threads';

export interface TaskResult {
  id: string;
  project?: string;
  title: string;
  wave: number;
  status: ThreadStatus;
  summary: string;
  branch: string;
  /** Files the task's commit changed. */
  files: string[];
  conflictFiles?: string[];
  /** Textual conflicts the merge resolved itself (JSON as data, TypeScript structurally). */
  resolvedConflicts?: ResolvedConflict[];
  /** Changed files the footprint did not predict, and predicted files left alone. */
  drift?: { unplanned: string[]; untouched: string[] };
  tokens: { input: number; output: number };
  durationMs: number;
}

export interface RunSummary {
  runId: string;
  base: string;
  integrationBranch: string;
  head: string;
  waves: string[][];
  tasks: TaskResult[];
  durationMs: number;
  threadsDir: string;
}

export function runSucceeded(summary: RunSummary): boolean {
  return summary.tasks.every((task) => task.status === 'merged');
}

/** The integration branch of a run. Task branches live under another prefix: git cannot have both `a` and `a/b`. */
export function integrationBranchName(runId: string): string {
  return `codewaves/${runId}`;
}

export function taskBranch(runId: string, taskId: string): string {
  return `codewaves/tasks/${runId}/${taskId}`;
}
