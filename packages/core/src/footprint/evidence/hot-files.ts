import { isInside } from '../../workspace';
import type { CommitRecord } from '../sources/history';
import type { Candidate } from './candidate';
import { isHotspot } from './hotspots';

const HOT_FILES = 3;
const RECENT = 300;
const SWEEP_PROJECTS = 3;

/**
 * When a task names nothing specific, the files its project's recent commits changed most often
 * stand in: vague tasks land where the work usually is, and that is also where two tasks collide.
 * Manifests and changelogs are left out: every release touches them.
 */
export function hotFiles(roots: readonly string[], history: readonly CommitRecord[], existing: ReadonlySet<string>, score: number, projectRootOf: (file: string) => string | undefined): Candidate[] {
  const inside = (file: string) => roots.some((root) => isInside(root, file));
  const counts = new Map<string, number>();
  let seen = 0;
  for (const commit of history) {
    if (seen >= RECENT) break;
    const files = commit.files.filter((file) => inside(file) && existing.has(file) && !isHotspot(file) && !/\.(md|json|ya?ml|snap)$/.test(file));
    if (files.length === 0) continue;
    // A sweep across many projects (a release bumping every version file, a rename) says nothing
    // about where one project's work lands. Checked second: most commits are outside the roots.
    if (new Set(commit.files.map(projectRootOf)).size > SWEEP_PROJECTS) continue;
    seen++;
    for (const file of files) counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count >= 3)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, HOT_FILES)
    .map(([path, count]) => ({ path, score, reason: `nothing more specific: changed in ${count} of the last ${seen} commits to ${roots.join(', ')}` }));
}
