import type { Project } from '../../workspace';
import { isInside, owningProject } from '../../workspace';
import type { CommitRecord } from '../sources/history';
import type { Candidate } from './candidate';
import { similarCommits } from './history-similarity';

const TOP_ANALOGS = 8;
/** Below this a commit in another project is only loosely alike: its paths would not carry over. */
const MIN_SIMILARITY = 0.5;
const MAX_SCORE = 0.6;

/**
 * Monorepos repeat a change project by project: "migrate unit tests to Vitest" in `entity`, then in
 * `effects`, then in `store`. The earlier commits in other projects say which files of the task's
 * own project the same change will write, by their path inside the project (`eslint.config.mjs`,
 * `tsconfig.spec.json`, a new `vite.config.mts`). A path counts when at least two such commits
 * changed it, so one project's particulars do not carry over, and only where the task's project
 * has that file, or for a file at the project's root.
 */
export function analogousCommits(promptWords: readonly string[], history: readonly CommitRecord[], targetRoots: readonly string[], projects: readonly Project[], existing: ReadonlySet<string>): Candidate[] {
  const targets = targetRoots.filter((root) => root !== '');
  if (targets.length === 0 || history.length === 0) return [];
  const elsewhere = confinedCommits(history, projects).filter(({ root }) => !targets.some((target) => isInside(target, root) || isInside(root, target)));
  const rootOf = new Map(elsewhere.map((entry) => [entry.commit, entry.root]));
  // The other project's scope would only count against the likeness: `refactor(entity): ...`.
  const subjectOf = (commit: CommitRecord) => commit.subject.replace(/^\w+(\([^)]*\))?!?:\s*/, '');
  const analogs = similarCommits(promptWords, elsewhere.map((entry) => entry.commit), subjectOf)
    .filter((entry) => entry.similarity >= MIN_SIMILARITY)
    .slice(0, TOP_ANALOGS);
  if (analogs.length < 2) return [];

  const mass = analogs.reduce((sum, entry) => sum + entry.similarity, 0);
  const votes = new Map<string, { weight: number; commits: number; example: string }>();
  for (const { commit, similarity } of analogs) {
    const root = rootOf.get(commit)!;
    for (const file of commit.files) {
      const relative = file.slice(root.length + 1);
      const vote = votes.get(relative) ?? { weight: 0, commits: 0, example: commit.subject };
      vote.weight += similarity / mass;
      vote.commits++;
      votes.set(relative, vote);
    }
  }
  const out: Candidate[] = [];
  for (const [relative, vote] of votes) {
    if (vote.commits < 2) continue;
    for (const target of targets) {
      const path = `${target}/${relative}`;
      // A new file carries over only as a project's own config (`vite.config.mts`): deeper down,
      // another project's layout is its own (an app's `content/guide/` is no library's).
      if (!existing.has(path) && relative.includes('/')) continue;
      out.push({
        path,
        score: Math.min(MAX_SCORE, vote.weight),
        ...(existing.has(path) ? {} : { creates: true }),
        reason: `changed at the same place in other projects by ${vote.commits} commits like this one, e.g. "${vote.example.slice(0, 80)}"`,
      });
    }
  }
  return out;
}

/**
 * Commits that changed files of exactly one project, with its root. The same for every task of a
 * plan, so worked out once per history: 50 tasks over 3,000 commits otherwise repeat it 50 times.
 */
const confined = new WeakMap<readonly CommitRecord[], WeakMap<readonly Project[], Array<{ commit: CommitRecord; root: string }>>>();

function confinedCommits(history: readonly CommitRecord[], projects: readonly Project[]): Array<{ commit: CommitRecord; root: string }> {
  const byProjects = confined.get(history) ?? new WeakMap();
  confined.set(history, byProjects);
  let out = byProjects.get(projects);
  if (!out) {
    out = [];
    for (const commit of history) {
      const roots = new Set(commit.files.map((file) => owningProject(projects, file)?.root ?? ''));
      const [root] = roots;
      if (roots.size === 1 && root) out.push({ commit, root });
    }
    byProjects.set(projects, out);
  }
  return out;
}
