import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execGit, findRepositoryRoot, git, listWorkspaceFiles } from '../git';
import { commitWorktree, worktreesRoot } from '../sandbox';
import { parseTaskFile } from '../tasks';
import { readRun, summariseThreads, ThreadStore, type ThreadStatus } from '../threads';
import { detectWorkspace } from '../workspace';
import { AGENT_AUTHOR } from './identities';
import type { Sprint } from './plan-sprint';
import { checkEndpoints, resolveProviders } from './prepare-run';
import type { RunOptions } from './run-options';
import { agentPoolFor, summariseRun } from './run-sprint';
import { loadPrices } from '../pricing';
import { taskBranch, type RunSummary, type TaskResult } from './run-summary';
import { waveSettings } from './wave-settings';
import { INTERRUPTED, runWave } from './run-wave';

const FINISHED: ReadonlySet<ThreadStatus> = new Set(['merged', 'failed', 'conflicted', 'cancelled', 'waiting-for-input']);

/**
 * Continues a run that was interrupted (killed, machine restarted) from what its logs and branches
 * say: finished tasks stay as they are; a task that committed but was not merged is merged; a task
 * interrupted mid-way has whatever it wrote committed to `<branch>-attempt-N` (nothing is lost) and
 * runs again; waves not started run as planned. The stored plan is kept, not recomputed.
 */
export async function resumeRun(options: Omit<RunOptions, 'runId'> & { runId?: string }): Promise<RunSummary> {
  const started = Date.now();
  const env = options.env ?? process.env;
  const prices = loadPrices({ file: options.pricesFile, cwd: options.cwd, env });
  const reporter = options.reporter ?? {};
  const root = await findRepositoryRoot(options.cwd);
  const { state, dir } = readRun(root, options.runId);
  const files = await listWorkspaceFiles(root);
  const workspace = await detectWorkspace(root, files);
  const tasks = await Promise.all(state.plan.tasks.map(async (planned) => parseTaskFile(planned.file, await readFile(join(root, planned.file), 'utf8'), { project: planned.project })));
  const sprint: Sprint = { workspace, tasks, footprints: new Map(state.plan.tasks.map((task) => [task.id, task.footprint])), plan: state.plan, footprintCache: 'off' };
  const providers = resolveProviders(sprint, options, env);
  await checkEndpoints(providers.values());

  const store = new ThreadStore(root, state.runId);
  const results = new Map<string, TaskResult>();
  const summaries = new Map(summariseThreads(state, dir).map((thread) => [thread.id, thread]));
  const saveState = () => store.writeState({ runId: state.runId, base: state.base, integrationBranch: state.integrationBranch, plan: state.plan, tasks: [...results.values()] });
  reporter.runStarted?.({ runId: state.runId, integrationBranch: state.integrationBranch, threadsDir: store.runDir });

  const settings = waveSettings(sprint, options);
  const pool = agentPoolFor(state.plan.waves, options);
  try {
    for (const [index, wave] of state.plan.waves.entries()) {
      if (options.signal?.aborted) break;
      const alreadyCompleted = new Set<string>();
      for (const id of wave) {
        const thread = summaries.get(id)!;
        const result: TaskResult = {
          id,
          ...(thread.project ? { project: thread.project } : {}),
          title: thread.title,
          wave: index + 1,
          status: thread.status,
          summary: thread.reason,
          branch: taskBranch(state.runId, id),
          files: thread.files,
          tokens: thread.tokens,
          durationMs: thread.elapsedMs,
        };
        const interrupted = thread.status === 'cancelled' && thread.reason.startsWith(INTERRUPTED);
        if (FINISHED.has(thread.status) && !interrupted) results.set(id, result);
        else if (thread.status === 'completed') {
          results.set(id, result);
          alreadyCompleted.add(id);
        } else if (thread.status !== 'queued' || thread.startedAt) await keepInterruptedWork(root, state.runId, id, env, store);
      }
      if (wave.every((id) => results.has(id) && FINISHED.has(results.get(id)!.status))) continue;
      reporter.waveStarted?.(index + 1, wave);
      await runWave({ sprint, wave, waveNumber: index + 1, runId: state.runId, integrationBranch: state.integrationBranch, providers, pool, store, results, reporter, env, ...settings, alreadyCompleted });
      saveState();
      if (options.signal?.aborted) break;
      reporter.waveMerged?.(index + 1, (await git(root, ['rev-parse', state.integrationBranch])).trim());
    }
  } finally {
    await pool.close();
    saveState();
  }
  const summary = await summariseRun(root, { runId: state.runId, base: state.base, integrationBranch: state.integrationBranch, waves: state.plan.waves }, results, started, store.runDir, prices);
  reporter.finished?.(summary);
  return summary;
}

/** An interrupted task's worktree may hold uncommitted work: commit it and keep it on an attempt branch. */
async function keepInterruptedWork(root: string, runId: string, id: string, env: NodeJS.ProcessEnv, store: ThreadStore): Promise<void> {
  const branch = taskBranch(runId, id);
  if ((await execGit(root, ['rev-parse', '--verify', '-q', `refs/heads/${branch}`])).exitCode !== 0) return;
  const path = join(worktreesRoot(root, env), runId, id);
  if (existsSync(path)) await commitWorktree({ taskId: id, path, branch, base: '' }, `interrupted work of ${id} (kept by codewaves resume)`, AGENT_AUTHOR);
  const attempts = (await git(root, ['for-each-ref', '--format=%(refname)', `refs/heads/${branch}-attempt-*`])).split('\n').filter(Boolean).length;
  const kept = `${branch}-attempt-${attempts + 1}`;
  await git(root, ['branch', '-f', kept, branch]);
  store.append(id, { type: 'status', status: 'queued', reason: `interrupted: what it had done is kept on ${kept}; it runs again` });
}
