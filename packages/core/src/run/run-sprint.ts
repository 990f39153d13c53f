import { cpus } from 'node:os';
import { git } from '../git';
import { loadPrices, type PriceTable } from '../pricing';
import { AgentPool } from '../pool';
import { ThreadStore } from '../threads';
import { planSprint } from './plan-sprint';
import { checkEndpoints, checkWorkingTree, ignoreStateFolder, newRunId, resolveProviders } from './prepare-run';
import type { RunOptions } from './run-options';
import { integrationBranchName, priceRun, type RunSummary, type TaskResult } from './run-summary';
import { waveSettings } from './wave-settings';
import { runWave } from './run-wave';

export const DEFAULT_CONCURRENCY = 4;

/**
 * A whole sprint: plan, then wave by wave create worktrees, run the agents in the pool, commit
 * each task on its branch and merge the wave into the integration branch. The user's checkout and
 * branch are never touched: everything lands on `codewaves/<run id>`.
 */
export async function runSprint(options: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const env = options.env ?? process.env;
  const reporter = options.reporter ?? {};
  // A bad price file fails the run before anything is created.
  const prices = loadPrices({ file: options.pricesFile, cwd: options.cwd, env });

  const sprint = await planSprint(options);
  if (sprint.plan.tasks.length === 0) {
    // --affected selected nothing: no branch, no state, nothing to clean up.
    const empty: RunSummary = { runId: '', base: sprint.plan.baseCommit, integrationBranch: '', head: sprint.plan.baseCommit, waves: [], tasks: [], durationMs: Date.now() - started, threadsDir: '' };
    reporter.finished?.(empty);
    return empty;
  }
  reporter.plan?.(sprint.plan);
  const providers = resolveProviders(sprint, options, env);
  await checkEndpoints(providers.values());
  if (!options.allowDirty) await checkWorkingTree(sprint);

  const root = sprint.workspace.root;
  const runId = options.runId ?? newRunId();
  const integrationBranch = integrationBranchName(runId);
  await ignoreStateFolder(root);
  await git(root, ['update-ref', `refs/heads/${integrationBranch}`, sprint.plan.baseCommit, '']);
  const store = new ThreadStore(root, runId);
  const results = new Map<string, TaskResult>();
  const saveState = () =>
    store.writeState({ runId, base: sprint.plan.baseCommit, integrationBranch, plan: sprint.plan, tasks: [...results.values()] });
  for (const task of sprint.tasks) {
    store.append(task.id, { type: 'status', status: 'queued', reason: `planned in wave ${sprint.plan.waves.findIndex((w) => w.includes(task.id)) + 1}` });
  }
  saveState();
  reporter.runStarted?.({ runId, integrationBranch, threadsDir: store.runDir });

  const settings = waveSettings(sprint, options);
  const pool = agentPoolFor(sprint.plan.waves, options);
  try {
    for (const [index, wave] of sprint.plan.waves.entries()) {
      if (options.signal?.aborted) break; // the later waves stay queued for `codewaves resume`
      reporter.waveStarted?.(index + 1, wave);
      await runWave({ sprint, wave, waveNumber: index + 1, runId, integrationBranch, providers, pool, store, results, reporter, env, ...settings });
      saveState();
      if (options.signal?.aborted) break;
      reporter.waveMerged?.(index + 1, (await git(root, ['rev-parse', integrationBranch])).trim());
    }
  } finally {
    await pool.close();
    saveState();
  }

  const summary = await summariseRun(root, { runId, base: sprint.plan.baseCommit, integrationBranch, waves: sprint.plan.waves }, results, started, store.runDir, prices);
  reporter.finished?.(summary);
  return summary;
}

/** The pool for a run: no more threads than the largest wave needs, nor than the machine can use. */
export function agentPoolFor(waves: readonly string[][], options: Pick<RunOptions, 'concurrency' | 'workerFile'>): AgentPool {
  const widest = Math.max(...waves.map((wave) => wave.length));
  return new AgentPool({ concurrency: Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, widest, 4 * cpus().length)), workerFile: options.workerFile });
}

export async function summariseRun(
  root: string,
  run: { runId: string; base: string; integrationBranch: string; waves: string[][] },
  results: ReadonlyMap<string, TaskResult>,
  started: number,
  threadsDir: string,
  prices: PriceTable,
): Promise<RunSummary> {
  const tasks = run.waves.flatMap((wave) => wave.map((id) => results.get(id)!));
  return {
    ...run,
    head: (await git(root, ['rev-parse', run.integrationBranch])).trim(),
    tasks,
    durationMs: Date.now() - started,
    threadsDir,
    usage: priceRun(tasks, run.waves, prices),
  };
}
