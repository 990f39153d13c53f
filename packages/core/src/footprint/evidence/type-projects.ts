import { commitKind } from '../prompt/read-prompt';
import type { CommitRecord } from '../sources/history';
import { isHotspot } from './hotspots';

/** The most recent commits of the task's kind that speak for where that kind of work lands. */
const RECENT = 40;
/** Fewer of them than this say nothing. */
const ENOUGH = 8;
/** The projects chosen must hold this share of those commits... */
const COVERAGE = 0.8;
/** ...with no more projects than this: work that lands anywhere is the whole workspace's. */
const MOST = 2;

/**
 * Where a task that names no project, file or name lands, judged by its kind of work: the projects
 * that the recent unscoped commits of its conventional type changed (`docs: add alumni section` ->
 * the docs site, where 31 of the last 40 `docs:` commits went). A task with no type is judged by
 * the commits with none (`Fix assorted infinite query types`, in a repository that writes prose).
 * It replaces "anywhere in the workspace" as a vague task's pattern, so such a task no longer runs
 * alone against every task of every library. Types whose work is spread out (`chore:`, `build:`)
 * give nothing, and so does a type whose commits sweep many projects at once or change files
 * outside every project.
 */
export function typeProjects(type: string | undefined, history: readonly CommitRecord[], projectRootOf: (file: string) => string | undefined): string[] {
  const landed: Set<string>[] = [];
  for (const commit of history) {
    const kind = commitKind(commit.subject);
    if (kind.type !== type || kind.scoped) continue;
    // A hotspot (a manifest, a barrel) says nothing of where the work is: the planner treats it by policy.
    const roots = new Set(commit.files.filter((file) => !isHotspot(file)).map((file) => projectRootOf(file) ?? ''));
    if (roots.size === 0) continue;
    // A commit across more projects than may be chosen (`build: update Angular`), or outside every
    // project (a `docs/` folder at the root), lands where no project pattern reaches: it counts, and
    // nothing covers it.
    landed.push(roots.size > MOST || roots.has('') ? new Set() : roots);
    if (landed.length === RECENT) break;
  }
  if (landed.length < ENOUGH) return [];
  const chosen: string[] = [];
  let left = landed;
  while (chosen.length < MOST) {
    const counts = new Map<string, number>();
    for (const roots of left) for (const root of roots) counts.set(root, (counts.get(root) ?? 0) + 1);
    const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    if (best === undefined) break;
    chosen.push(best);
    left = left.filter((roots) => !roots.has(best));
    if (1 - left.length / landed.length >= COVERAGE) return chosen.sort();
  }
  return [];
}
