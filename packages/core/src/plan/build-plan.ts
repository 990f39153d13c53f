import { WRITE_THRESHOLD, type Footprint } from '../footprint';
import type { Task } from '../tasks';
import { conflictEdges, likelyPairs } from './conflict-edges';
import { DEFAULT_GUARD, PLAN_SCHEMA_VERSION, type Plan, type PlanPolicy } from './plan';
import { scheduleWaves } from './schedule-waves';

export const DEFAULT_POLICY: PlanPolicy = { hotspots: 'serialise' };

/** Tasks and footprints in, plan out. No I/O: the same input always gives the same plan. */
export function buildPlan(tasks: readonly Task[], footprints: ReadonlyMap<string, Footprint>, baseCommit: string, policy: PlanPolicy = DEFAULT_POLICY): Plan {
  const sorted = [...tasks].sort((a, b) => a.id.localeCompare(b.id));
  const edges = conflictEdges(sorted, footprints, policy);
  const estimates = new Map(sorted.map((task) => [task.id, estimateLength(task, footprints.get(task.id))]));
  const preferApart = policy.spread === false ? [] : likelyPairs(sorted, footprints, edges, policy);
  const schedule = scheduleWaves({ ids: sorted.map((task) => task.id), estimates, edges, preferApart });
  const waves = policy.concurrency ? splitWaves(schedule.waves, policy.concurrency, estimates) : schedule.waves;
  const total = [...estimates.values()].reduce((sum, value) => sum + value, 0);
  const wall = waves.reduce((sum, wave) => sum + Math.max(...wave.map((id) => estimates.get(id)!)), 0);
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    baseCommit,
    // The guard is written down even when defaulted: a plan says what kept its tasks apart.
    policy: { ...policy, guard: policy.guard ?? DEFAULT_GUARD },
    tasks: sorted.map((task) => ({
      id: task.id,
      title: task.title,
      file: task.file,
      ...(task.project !== undefined ? { project: task.project } : {}),
      dependsOn: [...task.dependsOn].sort(),
      estimate: estimates.get(task.id)!,
      footprint: footprints.get(task.id)!,
    })),
    edges,
    waves,
    stats: {
      tasks: sorted.length,
      waves: waves.length,
      lowerBound: policy.concurrency ? Math.max(schedule.lowerBound, Math.ceil(sorted.length / policy.concurrency)) : schedule.lowerBound,
      optimal: schedule.optimal && waves.length === schedule.waves.length,
      predictedSpeedup: wall === 0 ? 1 : Math.round((total / wall) * 100) / 100,
    },
  };
}

/**
 * A rough relative length: a task that writes more files tends to take longer. Only its use for
 * balancing matters, so it is coarse on purpose (1 for a typical task, up to 3).
 */
export function estimateLength(task: Task, footprint: Footprint | undefined): number {
  const writes = (footprint?.writes ?? []).filter((entry) => !entry.pattern && entry.confidence >= WRITE_THRESHOLD).length;
  const words = task.prompt.split(/\s+/).length;
  return Math.round(Math.min(3, 1 + Math.max(0, writes - 2) * 0.2 + Math.max(0, words - 60) / 300) * 100) / 100;
}

/**
 * A wave larger than the concurrency limit becomes several consecutive waves. Any subset of a
 * conflict-free wave is conflict-free, and all of it still runs after the waves before and before
 * the waves after, so every guarantee holds. Longest tasks go together, so the short ones share a wave.
 */
function splitWaves(waves: string[][], concurrency: number, estimates: ReadonlyMap<string, number>): string[][] {
  return waves.flatMap((wave) => {
    if (wave.length <= concurrency) return [wave];
    const ordered = [...wave].sort((a, b) => estimates.get(b)! - estimates.get(a)! || a.localeCompare(b));
    const chunks: string[][] = [];
    for (let i = 0; i < ordered.length; i += concurrency) chunks.push(ordered.slice(i, i + concurrency).sort());
    return chunks;
  });
}
