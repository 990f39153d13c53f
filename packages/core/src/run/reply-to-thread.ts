import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildInstructions, buildTaskPrompt, conversationFromEvents, runWithProvider } from '../agent';
import { resolveProvider } from '../agent/providers/provider-config';
import { CodewavesError } from '../errors';
import { execGit, findRepositoryRoot, git, withWorktreeLock } from '../git';
import { describeResolved, mergeIntoIntegration } from '../merge';
import { commitWorktree, removeWorktree, worktreesRoot } from '../sandbox';
import { parseTaskFile } from '../tasks';
import { findThread, readRun, ThreadStore, type ThreadStatus } from '../threads';
import { resolveAgentLimits } from './agent-limits';
import { AGENT_AUTHOR, mergeIdentityEnv } from './identities';
import { taskBranch } from './run-summary';

export interface ReplyOptions {
  cwd: string;
  thread: string;
  message: string;
  runId?: string;
  env?: NodeJS.ProcessEnv;
  maxTurns?: number;
  /** Start the task over: a new conversation on the integration head; the old branch is kept as an attempt. */
  fresh?: boolean;
  onStatus?: (status: ThreadStatus, reason: string) => void;
}

/**
 * A follow-up in an existing thread: the agent gets the thread's whole conversation plus the user's
 * message, works in the same worktree on the same branch (recreated from the branch if it was
 * removed), commits, and the result is merged into the run's integration branch again. Answers a
 * thread that is waiting for input the same way.
 */
export async function replyToThread(options: ReplyOptions): Promise<{ status: ThreadStatus; summary: string; files: string[] }> {
  const env = options.env ?? process.env;
  const root = await findRepositoryRoot(options.cwd);
  const { state } = readRun(root, options.runId);
  const planned = findThread(state, options.thread);
  const branch = taskBranch(state.runId, planned.id);
  if ((await execGit(root, ['rev-parse', '--verify', '-q', `refs/heads/${branch}`])).exitCode !== 0) {
    throw new CodewavesError('USAGE', `thread \`${planned.id}\` never started, so there is nothing to follow up on`, { hint: 'run the task first (codewaves run)' });
  }
  const task = parseTaskFile(planned.file, await readFile(join(root, planned.file), 'utf8'), { project: planned.project });
  const provider = resolveProvider(task, root, {}, env);
  const store = new ThreadStore(root, state.runId);
  const history = options.fresh ? undefined : conversationFromEvents(store.read(planned.id));
  const setStatus = (status: ThreadStatus, reason: string) => {
    store.append(planned.id, { type: 'status', status, reason });
    options.onStatus?.(status, reason);
  };

  const path = join(worktreesRoot(root, env), state.runId, planned.id);
  if (options.fresh) {
    const attempts = (await git(root, ['for-each-ref', '--format=%(refname)', `refs/heads/${branch}-attempt-*`])).split('\n').filter(Boolean).length;
    await git(root, ['branch', '-f', `${branch}-attempt-${attempts + 1}`, branch]);
    if (existsSync(path)) await removeWorktree(root, path);
    await withWorktreeLock(root, () => git(root, ['worktree', 'add', '-q', '-B', branch, path, state.integrationBranch]));
  } else if (!existsSync(path)) await withWorktreeLock(root, () => git(root, ['worktree', 'add', '-q', path, branch]));
  const base = (await git(path, ['rev-parse', 'HEAD'])).trim();
  setStatus('running', options.fresh ? 'started over on the integration head' : 'follow-up from the user');
  const projectRoot = /(^|\/)codex\//.test(planned.file) ? dirname(dirname(planned.file)).replace(/^\.$/, '') : undefined;
  const outcome = await runWithProvider(provider, {
    instructions: options.fresh ? buildInstructions(path, projectRoot || undefined) : '',
    prompt: options.fresh ? buildTaskPrompt(task) : options.message,
    history,
    roots: { worktree: path, readOnly: [join(root, 'node_modules')] },
    maxTurns: options.maxTurns,
    env,
    // The run's own options are not stored: a follow-up gets the task's front matter and the defaults.
    ...resolveAgentLimits(task, {}),
    onEvent: (event) => store.append(planned.id, event),
  });
  if (outcome.status !== 'completed') {
    setStatus(outcome.status, outcome.error ?? outcome.summary);
    return { status: outcome.status, summary: outcome.summary, files: [] };
  }
  const worktree = { taskId: planned.id, path, branch, base };
  const commit = await commitWorktree(worktree, `${task.title} (follow-up)\n\n${options.message}\n\ncodewaves task ${planned.id} (run ${state.runId})`, AGENT_AUTHOR);
  const files = commit ? (await git(root, ['diff', '--name-only', base, commit])).split('\n').filter(Boolean) : [];
  if (commit) store.append(planned.id, { type: 'commit', commit, branch, files });
  setStatus('completed', commit ? `committed ${files.length} file(s) on ${branch}` : 'completed with no changes');

  const merged = await mergeIntoIntegration({
    root,
    integrationRef: `refs/heads/${state.integrationBranch}`,
    branchHead: branch,
    message: `codewaves: merge ${planned.id} (follow-up)\n\n${task.title}`,
    env: mergeIdentityEnv(env),
  });
  if (merged.kind === 'merged') {
    setStatus('merged', `merged into ${state.integrationBranch} as ${merged.commit.slice(0, 10)}${describeResolved(merged.resolved)}`);
    await removeWorktree(root, path);
    return { status: 'merged', summary: outcome.summary, files };
  }
  store.append(planned.id, { type: 'conflict', files: merged.files, excerpts: merged.excerpts });
  setStatus('conflicted', `conflicts with ${state.integrationBranch} in ${merged.files.join(', ')}; the work stays on ${branch}`);
  return { status: 'conflicted', summary: outcome.summary, files };
}
