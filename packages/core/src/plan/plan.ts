import type { Footprint } from '../footprint';

export const PLAN_SCHEMA_VERSION = 1;

export type ConflictKind = 'write-write' | 'depends-on';

/** Why two tasks cannot share a wave. For depends-on, `from` must finish before `to` starts. */
export interface ConflictEdge {
  kind: ConflictKind;
  from: string;
  to: string;
  /** The paths behind a write-write edge; empty for depends-on. */
  paths: string[];
}

export interface PlannedTask {
  id: string;
  title: string;
  file: string;
  project?: string;
  dependsOn: string[];
  footprint: Footprint;
}

export interface PlanStats {
  tasks: number;
  waves: number;
  /** No valid schedule has fewer waves than this. */
  lowerBound: number;
  /** Tasks over waves: the speed-up over running tasks one at a time, for equal task lengths. */
  predictedSpeedup: number;
}

/** The plan: a deterministic function of the tasks, their footprints and the base commit. */
export interface Plan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  baseCommit: string;
  tasks: PlannedTask[];
  edges: ConflictEdge[];
  /** Each wave is a list of task ids that run in parallel. */
  waves: string[][];
  stats: PlanStats;
}
