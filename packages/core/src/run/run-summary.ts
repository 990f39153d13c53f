import type { AgentEvent } from '../agent/agent-event';
import { costOf, type PriceTable } from '../pricing';
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
  tokens: { input: number; output: number; cachedInput?: number };
  /** The model that answered (the last one, if it changed). */
  model?: string;
  /** USD at the price table's prices; null when the model has no price (never guessed). */
  costUsd?: number | null;
  durationMs: number;
}

/** Tokens and cost of a set of tasks: a wave or the run. */
export interface UsageTotals {
  input: number;
  cachedInput: number;
  output: number;
  /** Null when a task that used tokens has no price: its id is in `unpriced`. */
  costUsd: number | null;
  unpriced: string[];
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
  /** Tokens and cost of the whole run and of each wave (in `waves` order). */
  usage?: { total: UsageTotals; waves: UsageTotals[] };
}

/** Counts a model turn's tokens into its task's result. */
export function addUsage(result: TaskResult, event: AgentEvent): void {
  if (event.type !== 'assistant') return;
  if (event.model) result.model = event.model;
  if (!event.usage) return;
  result.tokens.input += event.usage.inputTokens;
  result.tokens.output += event.usage.outputTokens;
  if (event.usage.cachedInputTokens) result.tokens.cachedInput = (result.tokens.cachedInput ?? 0) + event.usage.cachedInputTokens;
}

/** Each task's cost, and the totals per wave and for the run. */
export function priceRun(tasks: readonly TaskResult[], waves: readonly string[][], prices: PriceTable): NonNullable<RunSummary['usage']> {
  for (const task of tasks) task.costUsd = costOf(task.tokens, task.model, prices) ?? null;
  const totals = (selected: readonly TaskResult[]): UsageTotals => {
    const unpriced = selected.filter((task) => task.costUsd === null).map((task) => task.id);
    return {
      input: selected.reduce((sum, task) => sum + task.tokens.input, 0),
      cachedInput: selected.reduce((sum, task) => sum + (task.tokens.cachedInput ?? 0), 0),
      output: selected.reduce((sum, task) => sum + task.tokens.output, 0),
      costUsd: unpriced.length > 0 ? null : selected.reduce((sum, task) => sum + (task.costUsd ?? 0), 0),
      unpriced,
    };
  };
  return { total: totals(tasks), waves: waves.map((wave) => totals(tasks.filter((task) => wave.includes(task.id)))) };
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
