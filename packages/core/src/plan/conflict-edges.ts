import { sharedPaths, WRITE_THRESHOLD, type Footprint, type FootprintEntry } from '../footprint';
import type { Task } from '../tasks';
import type { ConflictEdge } from './plan';

/** Every pair of tasks that cannot run together, with the reason. Pure and ordered by id. */
export function conflictEdges(tasks: readonly Task[], footprints: ReadonlyMap<string, Footprint>): ConflictEdge[] {
  const edges: ConflictEdge[] = [];
  const sorted = [...tasks].sort((a, b) => a.id.localeCompare(b.id));
  for (const task of sorted) {
    for (const dependency of [...task.dependsOn].sort()) {
      edges.push({ kind: 'depends-on', from: dependency, to: task.id, paths: [] });
    }
  }
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      const paths = sharedPaths(writeSet(footprints.get(a.id)), writeSet(footprints.get(b.id)));
      if (paths.length > 0) edges.push({ kind: 'write-write', from: a.id, to: b.id, paths });
    }
  }
  return edges;
}

/** The entries the planner trusts: low-confidence guesses are shown to the user but do not serialise tasks. */
function writeSet(footprint: Footprint | undefined): FootprintEntry[] {
  return (footprint?.writes ?? []).filter((entry) => entry.confidence >= WRITE_THRESHOLD);
}
