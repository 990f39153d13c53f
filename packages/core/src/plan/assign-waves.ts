import type { ConflictEdge } from './plan';

/**
 * Greedy first-fit: tasks in order of dependency depth, then id; each goes to the earliest wave
 * after all its dependencies that holds no task it conflicts with. Deterministic for equal input.
 * Returns the waves and the longest dependency chain (a lower bound on the wave count).
 */
export function assignWaves(taskIds: readonly string[], edges: readonly ConflictEdge[]): { waves: string[][]; longestChain: number } {
  const dependencies = new Map<string, string[]>(taskIds.map((id) => [id, []]));
  const conflicts = new Map<string, Set<string>>(taskIds.map((id) => [id, new Set()]));
  for (const edge of edges) {
    if (edge.kind === 'depends-on') dependencies.get(edge.to)?.push(edge.from);
    else {
      conflicts.get(edge.from)?.add(edge.to);
      conflicts.get(edge.to)?.add(edge.from);
    }
  }

  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    depth.set(id, 0); // cycles are rejected before planning; this only guards against recursion
    const value = Math.max(0, ...(dependencies.get(id) ?? []).map((dep) => depthOf(dep) + 1));
    depth.set(id, value);
    return value;
  };
  const order = [...taskIds].sort((a, b) => depthOf(a) - depthOf(b) || a.localeCompare(b));

  const waveOf = new Map<string, number>();
  const waves: string[][] = [];
  for (const id of order) {
    let wave = Math.max(0, ...(dependencies.get(id) ?? []).map((dep) => waveOf.get(dep)! + 1));
    while (waves[wave]?.some((other) => conflicts.get(id)!.has(other))) wave++;
    (waves[wave] ??= []).push(id);
    waveOf.set(id, wave);
  }
  const longestChain = taskIds.length === 0 ? 0 : Math.max(...taskIds.map((id) => depthOf(id) + 1));
  return { waves: waves.filter((wave) => wave.length > 0).map((wave) => wave.sort()), longestChain };
}
