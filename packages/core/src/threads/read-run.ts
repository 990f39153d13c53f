import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CodewavesError } from '../errors';
import type { Plan, PlannedTask } from '../plan';
import { costOf, type PriceTable } from '../pricing';
import type { ThreadEvent, ThreadStatus } from './thread';
import { readThread, STATE_FOLDER } from './thread-store';

/** What `run.json` holds: written atomically after each wave. */
export interface RunState {
  runId: string;
  base: string;
  integrationBranch: string;
  plan: Plan;
}

/** One thread as `codewaves threads` shows it: derived from its log, so it is live while a run writes. */
export interface ThreadSummary {
  id: string;
  project?: string;
  title: string;
  wave: number;
  status: ThreadStatus;
  reason: string;
  branch?: string;
  startedAt?: string;
  updatedAt?: string;
  elapsedMs: number;
  tokens: { input: number; output: number; cachedInput?: number };
  /** The model that answered last, when the provider named it. */
  model?: string;
  /** USD, when summarised with a price table; null when the model has no price. */
  costUsd?: number | null;
  files: string[];
}

/** A thread's tokens and the model that used them, from its log. */
export function threadUsage(events: readonly ThreadEvent[]): { input: number; output: number; cachedInput?: number; model?: string } {
  const usage: { input: number; output: number; cachedInput?: number; model?: string } = { input: 0, output: 0 };
  for (const event of events) {
    if (event.type !== 'assistant') continue;
    if (event.model) usage.model = event.model;
    if (!event.usage) continue;
    usage.input += event.usage.inputTokens;
    usage.output += event.usage.outputTokens;
    if (event.usage.cachedInputTokens) usage.cachedInput = (usage.cachedInput ?? 0) + event.usage.cachedInputTokens;
  }
  return usage;
}

/** The run to show: the one named, else the latest. */
export function readRun(root: string, runId?: string): { state: RunState; dir: string } {
  const runs = join(root, STATE_FOLDER, 'runs');
  const latest = join(root, STATE_FOLDER, 'latest-run');
  const id = runId ?? (existsSync(latest) ? readFileSync(latest, 'utf8').trim() : undefined);
  const known = existsSync(runs) ? readdirSync(runs).filter((name) => statSync(join(runs, name)).isDirectory()).sort() : [];
  if (!id || !existsSync(join(runs, id, 'run.json'))) {
    throw new CodewavesError('USAGE', runId ? `no run \`${runId}\` in ${runs}` : `no run yet in ${root}`, {
      hint: known.length > 0 ? `known runs: ${known.slice(-5).join(', ')}` : 'start one with `codewaves run` or `nx run-many -t codex`',
    });
  }
  return { state: JSON.parse(readFileSync(join(runs, id, 'run.json'), 'utf8')) as RunState, dir: join(runs, id) };
}

export function summariseThreads(state: RunState, dir: string, now: Date = new Date(), prices?: PriceTable): ThreadSummary[] {
  return state.plan.waves.flatMap((wave, index) =>
    wave.map((id) => {
      const task = state.plan.tasks.find((candidate) => candidate.id === id)!;
      const summary = summarise(id, task.title, task.project, index + 1, readThread(join(dir, 'threads', `${id}.jsonl`)), now);
      return prices ? { ...summary, costUsd: costOf(summary.tokens, summary.model, prices) ?? null } : summary;
    }),
  );
}

function summarise(id: string, title: string, project: string | undefined, wave: number, events: ThreadEvent[], now: Date): ThreadSummary {
  let status: ThreadStatus = 'queued';
  let reason = '';
  let startedAt: string | undefined;
  let branch: string | undefined;
  let files: string[] = [];
  const { model, ...tokens } = threadUsage(events);
  for (const event of events) {
    if (event.type === 'status') {
      status = event.status;
      reason = event.reason;
      if (event.status === 'running' && !startedAt) startedAt = event.at;
    } else if (event.type === 'commit') {
      branch = event.branch;
      files = event.files;
    }
  }
  const updatedAt = events.at(-1)?.at;
  const finished = !['queued', 'running', 'waiting-for-input', 'rate-limited'].includes(status);
  const end = finished && updatedAt ? Date.parse(updatedAt) : now.getTime();
  return {
    id,
    ...(project ? { project } : {}),
    title,
    wave,
    status,
    reason,
    ...(branch ? { branch } : {}),
    ...(startedAt ? { startedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    elapsedMs: startedAt ? Math.max(0, end - Date.parse(startedAt)) : 0,
    tokens,
    ...(model ? { model } : {}),
    files,
  };
}

/** The run's planned task for a thread id, or an error that names the run's threads. */
export function findThread(state: RunState, thread: string): PlannedTask {
  const task = state.plan.tasks.find((candidate) => candidate.id === thread);
  if (!task) {
    throw new CodewavesError('USAGE', `run ${state.runId} has no thread \`${thread}\``, { hint: `its threads: ${state.plan.tasks.map((entry) => entry.id).join(', ')}` });
  }
  return task;
}
