import { sharedPaths, type Footprint } from '../footprint';
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
      const paths = sharedPaths(footprints.get(a.id)?.writes ?? [], footprints.get(b.id)?.writes ?? []);
      if (paths.length > 0) edges.push({ kind: 'write-write', from: a.id, to: b.id, paths });
    }
  }
  return edges;
}
