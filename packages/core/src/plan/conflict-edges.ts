import { sharedPaths, WRITE_THRESHOLD, type Footprint, type FootprintEntry } from '../footprint';
import type { Task } from '../tasks';
import type { ConflictEdge, HotspotPolicy, VaguePolicy } from './plan';

/**
 * Every pair of tasks that cannot share a wave, with the reason and the paths behind it. Pure,
 * and ordered (depends-on, then pairs by id) so the plan is the same for the same input.
 */
export function conflictEdges(
  tasks: readonly Task[],
  footprints: ReadonlyMap<string, Footprint>,
  hotspots: HotspotPolicy = 'serialise',
  vague: VaguePolicy = 'isolate',
): ConflictEdge[] {
  const edges: ConflictEdge[] = [];
  const sorted = [...tasks].sort((a, b) => a.id.localeCompare(b.id));
  const writes = new Map(sorted.map((task) => [task.id, writesThatSeparate(footprints.get(task.id), hotspots, vague)]));
  const reads = new Map(sorted.map((task) => [task.id, trusted(footprints.get(task.id)?.reads, hotspots)]));
  const dependencies = new Set<string>();
  for (const task of sorted) {
    for (const dependency of [...task.dependsOn].sort()) {
      edges.push({ kind: 'depends-on', from: dependency, to: task.id, paths: [] });
      dependencies.add(`${dependency}\0${task.id}`);
    }
  }
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!.id;
      const b = sorted[j]!.id;
      const both = sharedPaths(writes.get(a)!, writes.get(b)!);
      if (both.length > 0) {
        edges.push({ kind: 'write-write', from: a, to: b, paths: both });
        continue;
      }
      // A declared dependency already orders the pair; a read adds nothing to it.
      if (dependencies.has(`${a}\0${b}`) || dependencies.has(`${b}\0${a}`)) continue;
      const bReadsA = sharedPaths(writes.get(a)!, reads.get(b)!);
      if (bReadsA.length > 0) edges.push({ kind: 'write-read', from: a, to: b, paths: bReadsA });
      const aReadsB = sharedPaths(writes.get(b)!, reads.get(a)!);
      if (aReadsB.length > 0) edges.push({ kind: 'write-read', from: b, to: a, paths: aReadsB });
    }
  }
  return edges;
}

/** A fallback footprint's "anywhere in the project" pattern separates tasks only when isolating. */
function writesThatSeparate(footprint: Footprint | undefined, hotspots: HotspotPolicy, vague: VaguePolicy): FootprintEntry[] {
  const writes = trusted(footprint?.writes, hotspots);
  return footprint?.fallback && vague === 'share' ? writes.filter((entry) => !entry.pattern) : writes;
}

/** The entries the planner trusts: low-confidence guesses are shown but do not keep tasks apart. */
function trusted(entries: readonly FootprintEntry[] | undefined, hotspots: HotspotPolicy): FootprintEntry[] {
  return (entries ?? []).filter((entry) => entry.confidence >= WRITE_THRESHOLD && !(hotspots === 'merge' && entry.hotspot));
}
