import { join } from 'node:path';
import { CodewavesError } from '../errors';
import { execGit, git, uncommittedPaths, withWorktreeLock } from '../git';
import { worktreesRoot } from '../sandbox';
import { readThread, type RunState, type ThreadEvent } from '../threads';

export interface AppliedThread {
  id: string;
  commits: number;
  files: string[];
}

type CommitEvent = Extract<ThreadEvent, { type: 'commit' }>;

/**
 * Applies threads' changes to the user's current branch, one thread at a time: each thread's own
 * commits are cherry-picked (not its branch, which also carries earlier waves' work). Before any
 * change, the working tree must be clean and every thread's patch must apply to the current code:
 * on a conflict nothing is applied and the files are named.
 */
export async function applyThreads(root: string, state: RunState, runDir: string, ids: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<AppliedThread[]> {
  const dirty = (await uncommittedPaths(root)).filter((path) => !path.startsWith('.codewaves/'));
  if (dirty.length > 0) {
    throw new CodewavesError('DIRTY_WORKING_TREE', `your working tree has uncommitted changes (${dirty.slice(0, 3).join(', ')}${dirty.length > 3 ? ', ...' : ''})`, {
      hint: 'apply writes to your checkout: commit or stash your changes first',
    });
  }
  const threads = ids.map((id) => ({ id, commits: commitsOf(runDir, id) }));
  const withChanges = threads.filter((thread) => thread.commits.length > 0);
  const ordered = await applyOrder(root, withChanges);

  // Cherry-pick everything in a scratch worktree at HEAD first: all or nothing. Only when every
  // thread applied does the user's branch move, by fast-forward to the scratch result.
  const scratch = join(worktreesRoot(root, env), state.runId, '.apply');
  await execGit(root, ['worktree', 'remove', '--force', scratch]);
  await withWorktreeLock(root, () => git(root, ['worktree', 'add', '--detach', '-q', scratch, 'HEAD']));
  const applied: AppliedThread[] = [];
  try {
    for (const thread of ordered) {
      const range = rangeOf(thread.commits);
      const picked = await execGit(scratch, ['cherry-pick', '--allow-empty', '--no-gpg-sign', `${range[0]}..${range[1]}`], { env });
      if (picked.exitCode !== 0) {
        const conflicted = (await execGit(scratch, ['diff', '--name-only', '--diff-filter=U'])).stdout.split('\n').filter(Boolean);
        await execGit(scratch, ['cherry-pick', '--abort'], { env });
        throw new CodewavesError('GIT', `\`${thread.id}\` does not apply to your current branch${conflicted.length ? `: it conflicts in ${conflicted.join(', ')}` : ''}`, {
          hint: `nothing was applied. Look at it with \`codewaves diff ${thread.id}\`, apply the others by name, or merge ${state.integrationBranch} and resolve by hand`,
        });
      }
      const files = (await git(root, ['diff', '--name-only', ...range])).split('\n').filter(Boolean);
      applied.push({ id: thread.id, commits: thread.commits.length, files });
    }
    const result = (await git(scratch, ['rev-parse', 'HEAD'])).trim();
    await git(root, ['merge', '--ff-only', '-q', result], { env });
  } finally {
    await execGit(root, ['worktree', 'remove', '--force', scratch]);
    await execGit(root, ['worktree', 'prune']);
  }
  return applied;
}

function commitsOf(runDir: string, id: string): CommitEvent[] {
  return readThread(join(runDir, 'threads', `${id}.jsonl`)).filter((event): event is CommitEvent => event.type === 'commit');
}

/** From the code the thread started on to its last commit. */
function rangeOf(commits: readonly CommitEvent[]): [string, string] {
  return [`${commits[0]!.commit}^`, commits.at(-1)!.commit];
}

/** Threads that only add files first (they cannot conflict), then the others by id. */
async function applyOrder<T extends { id: string; commits: CommitEvent[] }>(root: string, threads: T[]): Promise<T[]> {
  const addsOnly = new Map<string, boolean>();
  for (const thread of threads) {
    const status = await git(root, ['diff', '--name-status', '--no-renames', ...rangeOf(thread.commits)]);
    addsOnly.set(thread.id, status.split('\n').filter(Boolean).every((line) => line.startsWith('A')));
  }
  return [...threads].sort((a, b) => Number(addsOnly.get(b.id)) - Number(addsOnly.get(a.id)) || a.id.localeCompare(b.id));
}
