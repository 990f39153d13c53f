import { join } from 'node:path';
import { conversationFromEvents } from '../agent';
import { git } from '../git';
import { describeResolved, mergeIntoIntegration } from '../merge';
import { commitWorktree, createWorktree, removeWorktree, type Worktree } from '../sandbox';
import { AGENT_AUTHOR, mergeIdentityEnv } from './identities';
import type { SetStatus, WaveContext } from './run-wave';
import { addUsage } from './run-summary';
import { scopeDrift } from './scope-drift';
import { prepareWorktree } from './setup-worktree';

/** Why a task runs again on the merged code, and what the agent is told. */
export interface FollowUp {
  /** Shown as the status reason while it runs. */
  reason: string;
  /** The user message the agent gets, after its whole conversation so far. */
  message: string;
  /** Keep the task's current branch head on `<branch>-attempt-N` before resetting it. */
  keepAttempt?: number;
  /** Describes the merge in the integration branch's history. */
  mergeNote: string;
}

/**
 * A task whose branch conflicts with work merged before it gets one more go, as a follow-up in its
 * own thread: its worktree is reset to the merged code, the agent is told which files conflicted
 * and why, and its new commit is merged. The conflicted attempt is kept on `<branch>-attempt-1`.
 */
export async function rerunOnMergedCode(
  context: WaveContext,
  id: string,
  conflictFiles: readonly string[],
  worktrees: Map<string, Worktree>,
  setStatus: SetStatus,
): Promise<void> {
  const kept = `${context.results.get(id)!.branch}-attempt-1`;
  await followUpOnMergedCode(context, id, worktrees, setStatus, {
    reason: `re-run on the merged code after a conflict in ${conflictFiles.join(', ')}`,
    message:
      `Your change could not be merged: work merged before it in this wave also changed ${conflictFiles.join(', ')}. ` +
      `This worktree now holds that merged code (your earlier attempt is kept on the branch ${kept}). ` +
      `Make your change again on top of it, keeping what the other work did, then call finish.`,
    keepAttempt: 1,
    mergeNote: 're-run after a conflict',
  });
}

/**
 * Runs a task again as a follow-up in its thread, in a worktree reset to the integration head,
 * then commits and merges its new work. Used after a merge conflict and after a failed wave check.
 */
export async function followUpOnMergedCode(
  context: WaveContext,
  id: string,
  worktrees: Map<string, Worktree>,
  setStatus: SetStatus,
  followUp: FollowUp,
): Promise<void> {
  const root = context.sprint.workspace.root;
  const result = context.results.get(id)!;
  const task = context.sprint.tasks.find((candidate) => candidate.id === id)!;
  const head = (await git(root, ['rev-parse', context.integrationBranch])).trim();
  const kept = followUp.keepAttempt ? `${result.branch}-attempt-${followUp.keepAttempt}` : undefined;
  if (kept) await git(root, ['branch', '-f', kept, result.branch]);
  const previous = worktrees.get(id);
  if (previous) await removeWorktree(root, previous.path);
  const worktree = await createWorktree({ workspaceRoot: root, runId: context.runId, taskId: id, branch: result.branch, base: head, env: context.env });
  worktrees.set(id, worktree);
  const prepared = await prepareWorktree(context, worktree);
  if ('failure' in prepared) {
    setStatus(id, 'failed', `${prepared.failure}${kept ? `; the first attempt stays on ${kept}` : ''}`);
    return;
  }

  setStatus(id, 'running', followUp.reason);
  const outcome = await context.pool.run(
    {
      taskId: id,
      prompt: followUp.message,
      instructions: '',
      history: conversationFromEvents(context.store.read(id)),
      worktree: worktree.path,
      readOnly: [join(root, 'node_modules')],
      provider: context.providers.get(id)!,
      maxTurns: context.maxTurns,
      limits: context.limits?.get(id),
      env: prepared.env,
    },
    (event) => {
      context.store.append(id, event);
      addUsage(result, event);
    },
    context.signal,
  );
  if (outcome.status !== 'completed') {
    setStatus(id, outcome.status === 'waiting-for-input' ? 'waiting-for-input' : 'failed', `the follow-up did not finish (${outcome.error ?? outcome.summary})${kept ? `; the first attempt stays on ${kept}` : ''}`);
    return;
  }
  const commit = await commitWorktree(worktree, `${task.title} (${followUp.mergeNote})\n\ncodewaves task ${id} (run ${context.runId})`, AGENT_AUTHOR);
  result.files = commit ? (await git(root, ['diff', '--name-only', head, commit])).split('\n').filter(Boolean) : [];
  if (commit) context.store.append(id, { type: 'commit', commit, branch: result.branch, files: result.files });
  result.drift = scopeDrift(context.sprint.footprints.get(id), result.files);
  context.store.append(id, { type: 'drift', ...result.drift });
  setStatus(id, 'completed', commit ? `committed ${result.files.length} file(s) on ${result.branch}` : 'completed with no changes');
  if (!commit) {
    setStatus(id, 'merged', 'nothing left to merge: the merged code already had the change');
    return;
  }
  const merged = await mergeIntoIntegration({
    root,
    integrationRef: `refs/heads/${context.integrationBranch}`,
    branchHead: result.branch,
    message: `codewaves: merge ${id} (wave ${context.waveNumber}, ${followUp.mergeNote})\n\n${result.title}`,
    env: mergeIdentityEnv(),
  });
  if (merged.kind === 'merged') {
    result.conflictFiles = undefined;
    if (merged.resolved.length > 0) result.resolvedConflicts = merged.resolved;
    setStatus(id, 'merged', `merged into ${context.integrationBranch} as ${merged.commit.slice(0, 10)} (${followUp.mergeNote})${describeResolved(merged.resolved)}`);
    await removeWorktree(root, worktree.path);
  } else {
    result.conflictFiles = merged.files;
    context.store.append(id, { type: 'conflict', files: merged.files, excerpts: merged.excerpts });
    setStatus(id, 'conflicted', `still conflicts in ${merged.files.join(', ')} (${followUp.mergeNote}); the work stays on ${result.branch}${kept ? ` (first attempt: ${kept})` : ''}`);
  }
}
