import type { Footprint } from '../footprint';

export const PLAN_SCHEMA_VERSION = 1;

/**
 * Why two tasks cannot share a wave.
 * - `write-write`: both write `paths` (a merge conflict risk); any order, different waves.
 * - `write-read`: `to` reads `paths` that `from` writes: `from` runs in an earlier wave, so `to`
 *   works on its result.
 * - `depends-on`: declared; `from` runs in an earlier wave than `to`.
 * An ordering the planner inferred (a task creates a file the other builds on; a task reverts the
 * other) is a `write-read` edge with a `reason`: ordered, but it yields to declared dependencies.
 */
export type ConflictKind = 'write-write' | 'write-read' | 'depends-on';

export interface ConflictEdge {
  kind: ConflictKind;
  from: string;
  to: string;
  /** The paths behind the edge; empty for depends-on. */
  paths: string[];
  /** Why the planner ordered the pair when nobody declared it. */
  reason?: string;
}

/**
 * The guard the planner uses unless told otherwise. The predicted write set (0.4 and up) is tuned
 * for precision; two tasks that both might write one file are kept apart from a little lower. At
 * 0.3 the bench's pairs lose fewer real conflicts at the same false-serialisation rate; lower
 * guards cost waves faster than they save re-runs (docs/footprint.md, "The planner's guard").
 */
export const DEFAULT_GUARD = 0.3;

/** How the planner treats hotspot files (manifests, lockfiles, barrels, route registries). */
export type HotspotPolicy = 'serialise' | 'merge';

/** How the planner treats a task whose footprint is only the fallback "anywhere in the project". */
export type VaguePolicy = 'isolate' | 'share';

export interface PlanPolicy {
  /** `serialise`: a shared hotspot is a conflict like any file. `merge`: left to the wave merge. */
  hotspots: HotspotPolicy;
  /**
   * `isolate` (default): a task whose footprint is the fallback pattern conflicts with every task of
   * its project, so it runs alone. `share`: the pattern keeps no task apart; such tasks join the
   * earliest wave they can, and a collision is left to the structural merge and the re-run.
   */
  vague?: VaguePolicy;
  /** Agents at once; a wave larger than this is split into several, in order. Absent: no limit. */
  concurrency?: number;
  /**
   * The confidence at which a predicted write keeps two tasks apart: both tasks' writes of one file
   * at or above it make a `write-write` edge. Lower guards more conflicts and serialises more
   * independent pairs. Absent: DEFAULT_GUARD.
   */
  guard?: number;
  /**
   * Where the wave count leaves room, pull apart tasks that both guess at one file under the guard
   * (the default). `false`: place them as the schedule first found them.
   */
  spread?: boolean;
}

export interface PlannedTask {
  id: string;
  title: string;
  file: string;
  project?: string;
  dependsOn: string[];
  /** Relative length estimate used to balance waves (1 = a typical task). */
  estimate: number;
  footprint: Footprint;
}

export interface PlanStats {
  tasks: number;
  waves: number;
  /** No valid schedule has fewer waves: the largest clique of conflicts or the longest chain of orderings. */
  lowerBound: number;
  /** True when the wave count is proven minimal (it meets the lower bound, or the exact search finished). */
  optimal: boolean;
  /** Sum of task estimates over the sum of each wave's longest estimate: the speed-up over one at a time. */
  predictedSpeedup: number;
}

/** The plan: a deterministic function of the tasks, their footprints, the policy and the base commit. */
export interface Plan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  baseCommit: string;
  policy: PlanPolicy;
  tasks: PlannedTask[];
  edges: ConflictEdge[];
  /** Each wave is a list of task ids that run in parallel; waves run in order. */
  waves: string[][];
  stats: PlanStats;
}
