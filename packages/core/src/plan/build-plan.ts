import type { Footprint } from '../footprint';
import type { Task } from '../tasks';
import { assignWaves } from './assign-waves';
import { conflictEdges } from './conflict-edges';
import { PLAN_SCHEMA_VERSION, type Plan } from './plan';

/** Tasks and footprints in, plan out. No I/O: the same input always gives the same plan. */
export function buildPlan(tasks: readonly Task[], footprints: ReadonlyMap<string, Footprint>, baseCommit: string): Plan {
  const sorted = [...tasks].sort((a, b) => a.id.localeCompare(b.id));
  const edges = conflictEdges(sorted, footprints);
  const { waves, longestChain } = assignWaves(
    sorted.map((task) => task.id),
    edges,
  );
  const writeConflictPairs = edges.filter((edge) => edge.kind === 'write-write').length;
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    baseCommit,
    tasks: sorted.map((task) => ({
      id: task.id,
      title: task.title,
      file: task.file,
      project: task.project,
      dependsOn: [...task.dependsOn].sort(),
      footprint: footprints.get(task.id)!,
    })),
    edges,
    waves,
    stats: {
      tasks: sorted.length,
      waves: waves.length,
      lowerBound: Math.max(longestChain, writeConflictPairs > 0 ? 2 : Math.min(1, sorted.length)),
      predictedSpeedup: waves.length === 0 ? 1 : round(sorted.length / waves.length),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
