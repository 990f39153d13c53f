import { sharedPaths, WRITE_THRESHOLD } from '../footprint';
import type { ConflictEdge, Plan } from './plan';

/**
 * A write-write edge that only the guard made: the two tasks' predicted write sets share nothing,
 * so each task's listed writes show no file in common. Renderers say "may both write" for it,
 * so a reader does not look for a shared file in the write lists and find none.
 */
export function isGuardedOnly(plan: Pick<Plan, 'tasks'>, edge: ConflictEdge): boolean {
  if (edge.kind !== 'write-write') return false;
  const confident = (id: string) => plan.tasks.find((task) => task.id === id)?.footprint.writes.filter((entry) => entry.confidence >= WRITE_THRESHOLD) ?? [];
  return sharedPaths(confident(edge.from), confident(edge.to)).length === 0;
}
