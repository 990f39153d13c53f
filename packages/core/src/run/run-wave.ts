import { join } from 'node:path';
import { buildInstructions, buildTaskPrompt } from '../agent';
import type { AgentLimits } from '../agent/agent-limits';
import type { ProviderConfig } from '../agent/providers/provider-config';
import { execGit, git } from '../git';
import { describeResolved, mergeIntoIntegration, mergeOrder } from '../merge';
import type { AgentPool } from '../pool';
import { commitWorktree, createWorktree, removeWorktree, type Worktree } from '../sandbox';
import type { ThreadStatus, ThreadStore } from '../threads';
import type { Sprint } from './plan-sprint';
import type { RunReporter } from './run-options';
import { AGENT_AUTHOR, mergeIdentityEnv } from './identities';
import { blameTasks, checkWave } from './check-wave';
import { followUpOnMergedCode, rerunOnMergedCode } from './rerun-on-merged-code';
import { prepareWorktree } from './setup-worktree';
import { scopeDrift } from './scope-drift';
import { addUsage, taskBranch, type TaskResult } from './run-summary';

/** Records a thread's status change: in its log, in the run's results and to the reporter. */
export type SetStatus = (taskId: string, status: ThreadStatus, reason: string) => void;

/** Runs at most `limit` of the given jobs at a time, in the order they ask. */
function limitConcurrency(limit: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (job) => {
    // A finished job hands its place straight to the next in line.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** The reason of a task stopped by Ctrl-C or an abort: resume runs such a task again. */
export const INTERRUPTED = 'interrupted';

export interface WaveContext {
  sprint: Sprint;
  wave: string[];
  waveNumber: number;
  runId: string;
  integrationBranch: string;
  providers: Map<string, ProviderConfig>;
  /** Each task's command policy (and other limits); absent: the defaults. */
  limits?: ReadonlyMap<string, AgentLimits>;
  pool: AgentPool;
  store: ThreadStore;
  results: Map<string, TaskResult>;
  reporter: RunReporter;
  maxTurns: number;
  env: NodeJS.ProcessEnv;
  /** Give a conflicted task one re-run on the merged code, as a follow-up in its thread. */
  rerunConflicts: boolean;
  /** A command run on each wave's merged result; the tasks a failure points at get one follow-up. */
  checkCommand?: string;
  /** Ctrl-C: running agents stop, the wave is not merged, the run can be resumed. */
  signal?: AbortSignal;
  /** Run in each new worktree before its agent (see prepareWorktree). */
  setupCommand?: string;
  /** Resume: tasks of this wave already committed before an interruption; they are merged, not run. */
  alreadyCompleted?: ReadonlySet<string>;
}


/** One wave: worktrees from the integration head, agents in parallel, commits, then the wave merge. */
export async function runWave(context: WaveContext): Promise<void> {
  const { sprint, store, results, reporter } = context;
  const root = sprint.workspace.root;
  const base = (await git(root, ['rev-parse', context.integrationBranch])).trim();
  const byId = new Map(sprint.tasks.map((task) => [task.id, task]));

  const setStatus: SetStatus = (taskId, status, reason) => {
    store.append(taskId, { type: 'status', status, reason });
    const result = results.get(taskId);
    if (result) result.status = status;
    reporter.status?.(taskId, status, reason);
  };

  const runnable: string[] = [];
  for (const id of context.wave) {
    if (context.alreadyCompleted?.has(id) && results.get(id)?.status === 'completed') continue;
    const task = byId.get(id)!;
    results.set(id, {
      id,
      project: task.project,
      title: task.title,
      wave: context.waveNumber,
      status: 'queued',
      summary: '',
      branch: taskBranch(context.runId, id),
      files: [],
      tokens: { input: 0, output: 0 },
      durationMs: 0,
    });
    const blocked = task.dependsOn.find((dependency) => results.get(dependency)?.status !== 'merged');
    if (blocked) {
      results.get(id)!.summary = `not run: it depends on ${blocked}, which was not merged`;
      setStatus(id, 'cancelled', results.get(id)!.summary);
    } else runnable.push(id);
  }

  const worktrees = new Map<string, Worktree>();
  // A task's worktree is made when a pool thread is free for it, not all up front: thirty-two
  // checkouts at once on two cores would make every agent wait for the slowest.
  const slot = limitConcurrency(context.pool.size);
  await Promise.all(
    runnable.map((id) => slot(async () => {
      const task = byId.get(id)!;
      const result = results.get(id)!;
      if (context.signal?.aborted) {
        result.summary = `${INTERRUPTED}: not started`;
        setStatus(id, 'cancelled', result.summary);
        return;
      }
      const started = Date.now();
      try {
        const worktree = await createWorktree({ workspaceRoot: root, runId: context.runId, taskId: id, branch: result.branch, base, env: context.env });
        worktrees.set(id, worktree);
        const prepared = await prepareWorktree(context, worktree);
        if ('failure' in prepared) {
          result.summary = prepared.failure;
          setStatus(id, 'failed', prepared.failure);
          return;
        }
        setStatus(id, 'running', `agent started in ${worktree.path}`);
        const projectRoot = sprint.workspace.projects.find((project) => project.name === task.project)?.root;
        const outcome = await context.pool.run(
          {
            taskId: id,
            prompt: buildTaskPrompt(task),
            instructions: buildInstructions(worktree.path, projectRoot),
            worktree: worktree.path,
            readOnly: [join(root, 'node_modules')],
            provider: context.providers.get(id)!,
            maxTurns: context.maxTurns,
            limits: context.limits?.get(id),
            env: prepared.env,
          },
          (event) => {
            store.append(id, event);
            // A rate limit is a status the user sees, not just a log line; it clears with the next answer.
            if (event.type === 'retry' && event.status === 429) {
              const limit = event.poolLimit ?? context.pool.gate.limit;
              setStatus(id, 'rate-limited', `${event.reason}: retrying in ${Math.round(event.delayMs / 1000)} s; the pool now allows ${limit} model call${limit === 1 ? '' : 's'} at once`);
            } else if (event.type === 'assistant' && result.status === 'rate-limited') setStatus(id, 'running', 'the rate limit cleared');
            addUsage(result, event);
          },
          context.signal,
        );
        result.summary = outcome.summary;
        if (outcome.status === 'cancelled' && context.signal?.aborted) {
          // Ctrl-C: the task is not finished but interrupted, and `codewaves resume` runs it again.
          result.summary = `${INTERRUPTED}: ${outcome.summary}`;
          setStatus(id, 'cancelled', result.summary);
          return;
        }
        if (outcome.status !== 'completed') {
          setStatus(id, outcome.status, outcome.error ?? outcome.summary);
          return;
        }
        const commit = await commitWorktree(worktree, `${task.title}\n\ncodewaves task ${id} (run ${context.runId})`, AGENT_AUTHOR);
        result.files = commit ? (await git(root, ['diff', '--name-only', base, commit])).split('\n').filter(Boolean) : [];
        if (commit) store.append(id, { type: 'commit', commit, branch: result.branch, files: result.files });
        result.drift = scopeDrift(sprint.footprints.get(id), result.files);
        store.append(id, { type: 'drift', ...result.drift });
        setStatus(id, 'completed', commit ? `committed ${result.files.length} file(s) on ${result.branch}` : 'completed with no changes');
      } catch (error) {
        result.summary = error instanceof Error ? error.message : String(error);
        setStatus(id, 'failed', result.summary);
      } finally {
        result.durationMs = Date.now() - started;
      }
    })),
  );

  // Interrupted: what completed stays committed on its branch, and `codewaves resume` merges it.
  if (context.signal?.aborted) return;
  await mergeWave(context, base, worktrees, setStatus);
  if (context.checkCommand) await checkMergedWave(context, base, worktrees, setStatus);
}

/** The wave's checks on its merged result: a failure sends the tasks it points at back with the output. */
async function checkMergedWave(
  context: WaveContext,
  base: string,
  worktrees: Map<string, Worktree>,
  setStatus: SetStatus,
): Promise<void> {
  const root = context.sprint.workspace.root;
  const merged = () => context.wave.map((id) => context.results.get(id)!).filter((result) => result.status === 'merged' && result.files.length > 0);
  if (merged().length === 0) return;
  const run = async (attempt: 'first' | 'after-fixes') => {
    const started = Date.now();
    const check = await checkWave({ root, runId: context.runId, wave: context.waveNumber, base, head: (await git(root, ['rev-parse', context.integrationBranch])).trim(), command: context.checkCommand!, env: context.env });
    context.reporter.waveChecked?.(context.waveNumber, { command: context.checkCommand!, ok: check.ok, exitCode: check.exitCode, durationMs: Date.now() - started, attempt });
    return check;
  };
  const first = await run('first');
  if (first.ok) return;
  const blamed = blameTasks(first.output, merged());
  const excerpt = first.output.slice(-4000);
  for (const id of blamed) {
    await followUpOnMergedCode(context, id, worktrees, setStatus, {
      reason: `the wave's check failed after the merge (exit ${first.exitCode})`,
      message: `After your change was merged with the rest of the wave, the workspace check \`${context.checkCommand}\` failed (exit ${first.exitCode}). This worktree holds the merged code. Fix what your change broke, then call finish. The end of its output:\n\n${excerpt}`,
      mergeNote: 'fix after a failed wave check',
    });
  }
  const second = await run('after-fixes');
  if (!second.ok) {
    for (const id of blamed) setStatus(id, 'failed', `the wave check \`${context.checkCommand}\` still fails on the merged result (exit ${second.exitCode}); its work is on ${context.integrationBranch}`);
  }
}

async function mergeWave(
  context: WaveContext,
  base: string,
  worktrees: Map<string, Worktree>,
  setStatus: SetStatus,
): Promise<void> {
  const root = context.sprint.workspace.root;
  const completed = context.wave.filter((id) => context.results.get(id)?.status === 'completed');
  const candidates = await Promise.all(
    completed.map(async (id) => {
      const status = await execGit(root, ['diff', '--name-status', '--no-renames', base, context.results.get(id)!.branch]);
      const lines = status.stdout.split('\n').filter(Boolean);
      return { id, addsOnly: lines.length > 0 && lines.every((line) => line.startsWith('A')), files: context.results.get(id)!.files };
    }),
  );
  for (const id of mergeOrder(candidates)) {
    const result = context.results.get(id)!;
    if (result.files.length === 0) {
      setStatus(id, 'merged', 'nothing to merge: the task changed no file');
      continue;
    }
    const merged = await mergeIntoIntegration({
      root,
      integrationRef: `refs/heads/${context.integrationBranch}`,
      branchHead: result.branch,
      message: `codewaves: merge ${id} (wave ${context.waveNumber})\n\n${result.title}`,
      env: mergeIdentityEnv(),
    });
    if (merged.kind === 'merged') {
      if (merged.resolved.length > 0) result.resolvedConflicts = merged.resolved;
      setStatus(id, 'merged', `merged into ${context.integrationBranch} as ${merged.commit.slice(0, 10)}${describeResolved(merged.resolved)}`);
      const worktree = worktrees.get(id);
      // The branch keeps the work; the checkout is only needed again for a follow-up, which recreates it.
      if (worktree) await removeWorktree(root, worktree.path);
    } else {
      result.conflictFiles = merged.files;
      context.store.append(id, { type: 'conflict', files: merged.files, excerpts: merged.excerpts });
      setStatus(id, 'conflicted', `conflicts with work merged before it in ${merged.files.join(', ')}; the task's work stays on ${result.branch}`);
      if (context.rerunConflicts) await rerunOnMergedCode(context, id, merged.files, worktrees, setStatus);
    }
  }
}
