/**
 * A prediction of what one task will touch, made before any agent starts. Entries are concrete
 * paths, or glob patterns for files that may not exist yet (`src/validation/**`).
 */
export interface FootprintEntry {
  /** Workspace-relative path, or a minimatch pattern when `pattern` is true. */
  path: string;
  pattern?: boolean;
  /** 0..1: how sure the predictor is. */
  confidence: number;
  /** Why, in words a user can check: `declared in touches: "src/**"`, `path mentioned in the prompt`. */
  reasons: string[];
  /** A file many unrelated tasks touch (manifest, lockfile, barrel, route registry): see evidence/hotspots.ts. */
  hotspot?: boolean;
  /** The task creates this file (it adds what the file is named after): a task that builds on it runs after. */
  creates?: boolean;
}

export interface Footprint {
  taskId: string;
  writes: FootprintEntry[];
  reads: FootprintEntry[];
  /** True when nothing specific was found and the owning project stands in for the writes. */
  fallback: boolean;
  /** Why some evidence was not available (shallow clone, files that did not parse). */
  notes?: string[];
}
