import { minimatch } from 'minimatch';
import { sharedPaths, WRITE_THRESHOLD, type Footprint, type FootprintEntry } from '../footprint';
import type { Task } from '../tasks';
import { DEFAULT_GUARD, type ConflictEdge, type HotspotPolicy, type PlanPolicy } from './plan';
import type { PreferApart } from './schedule-waves';

/**
 * Every pair of tasks that cannot share a wave, with the reason and the paths behind it. Pure,
 * and ordered (depends-on, then pairs by id) so the plan is the same for the same input.
 */
export function conflictEdges(
  tasks: readonly Task[],
  footprints: ReadonlyMap<string, Footprint>,
  { hotspots = 'serialise', vague = 'isolate', guard = DEFAULT_GUARD }: Partial<PlanPolicy> = {},
): ConflictEdge[] {
  const edges: ConflictEdge[] = [];
  const sorted = [...tasks].sort((a, b) => a.id.localeCompare(b.id));
  // Two guesses at one file keep tasks apart from the guard up; a write-read order and a creation
  // need the predicted write set itself, so a faint guess never decides which task goes first.
  const guarded = new Map(sorted.map((task) => [task.id, writesThatSeparate(footprints.get(task.id), hotspots, vague, guard)]));
  const writes = new Map(sorted.map((task) => [task.id, guarded.get(task.id)!.filter((entry) => entry.confidence >= WRITE_THRESHOLD)]));
  const reads = new Map(sorted.map((task) => [task.id, trusted(footprints.get(task.id)?.reads, hotspots, WRITE_THRESHOLD)]));
  const created = new Map(sorted.map((task) => [task.id, new Set(writes.get(task.id)!.filter((entry) => entry.creates).map((entry) => entry.path))]));
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
      const declared = dependencies.has(`${a}\0${b}`) || dependencies.has(`${b}\0${a}`);
      const order = declared ? undefined : inferredOrder(sorted[i]!, sorted[j]!, created, both);
      if (order) {
        edges.push({ kind: 'write-read', ...order, paths: both });
        continue;
      }
      const likely = both.length > 0 ? both : sharedPaths(guarded.get(a)!, guarded.get(b)!);
      if (likely.length > 0) {
        edges.push({ kind: 'write-write', from: a, to: b, paths: likely });
        continue;
      }
      // A declared dependency already orders the pair; a read adds nothing to it.
      if (declared) continue;
      const bReadsA = sharedPaths(writes.get(a)!, reads.get(b)!);
      if (bReadsA.length > 0) edges.push({ kind: 'write-read', from: a, to: b, paths: bReadsA });
      const aReadsB = sharedPaths(writes.get(b)!, reads.get(a)!);
      if (aReadsB.length > 0) edges.push({ kind: 'write-read', from: b, to: a, paths: aReadsB });
    }
  }
  return edges;
}

/**
 * Pairs no edge keeps apart that still guess at one file, under the guard: the scheduler pulls them
 * into different waves where the wave count leaves room. The weight is the chance that both write
 * a file they share, were the confidences probabilities: 1 - Π(1 - a·b).
 */
export function likelyPairs(
  tasks: readonly Task[],
  footprints: ReadonlyMap<string, Footprint>,
  edges: readonly ConflictEdge[],
  { hotspots = 'serialise', vague = 'isolate' }: Partial<PlanPolicy> = {},
): PreferApart[] {
  const joined = new Set(edges.flatMap((edge) => [`${edge.from}\0${edge.to}`, `${edge.to}\0${edge.from}`]));
  const sorted = [...tasks].sort((a, b) => a.id.localeCompare(b.id));
  const guesses = new Map(sorted.map((task) => [task.id, writesThatSeparate(footprints.get(task.id), hotspots, vague, 0)]));
  const out: PreferApart[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!.id;
      const b = sorted[j]!.id;
      if (joined.has(`${a}\0${b}`)) continue;
      const shared = sharedPaths(guesses.get(a)!, guesses.get(b)!);
      if (shared.length === 0) continue;
      const apart = shared.reduce((product, path) => product * (1 - confidenceAt(guesses.get(a)!, path) * confidenceAt(guesses.get(b)!, path)), 1);
      out.push({ a, b, weight: 1 - apart });
    }
  }
  return out;
}

/** The confidence a write set gives a path: its own entry's, or the best pattern's that matches it. */
function confidenceAt(entries: readonly FootprintEntry[], path: string): number {
  return Math.max(0, ...entries.filter((entry) => entry.path === path || (entry.pattern && minimatch(path, entry.path, { dot: true }))).map((entry) => entry.confidence));
}

/**
 * An order nobody declared but the tasks imply: a revert runs after the task it reverts (git's
 * `Revert "<title>"`), and a task that creates a file runs before one that builds on it (`add
 * \`withFeature\`` before `fix the withFeature callback`), so the second works on the first's result
 * instead of writing the same new file again.
 */
function inferredOrder(a: Task, b: Task, created: ReadonlyMap<string, ReadonlySet<string>>, both: readonly string[]): { from: string; to: string; reason: string } | undefined {
  if (reverts(b, a)) return { from: a.id, to: b.id, reason: `${b.id} reverts ${a.id}` };
  if (reverts(a, b)) return { from: b.id, to: a.id, reason: `${a.id} reverts ${b.id}` };
  const aCreates = both.filter((path) => created.get(a.id)!.has(path));
  const bCreates = both.filter((path) => created.get(b.id)!.has(path));
  // Name the source file rather than its test: that is what the other task builds on.
  const named = (paths: string[]) => paths.find((path) => !/(^|\/)(spec|specs|tests?|__tests__)\/|\.(spec|test)\./.test(path)) ?? paths[0];
  if (aCreates.length > 0 && bCreates.length === 0) return { from: a.id, to: b.id, reason: `${a.id} creates ${named(aCreates)}, which ${b.id} builds on` };
  if (bCreates.length > 0 && aCreates.length === 0) return { from: b.id, to: a.id, reason: `${b.id} creates ${named(bCreates)}, which ${a.id} builds on` };
  return undefined;
}

/** `Revert "feat: add x"` reverts the task titled `feat: add x` (a trailing `(#123)` aside). */
function reverts(task: Task, other: Task): boolean {
  const quoted = /^\s*Revert\s+"(.+)"/i.exec(task.title)?.[1];
  const bare = (title: string) => title.trim().replace(/\s*\(#\d+\)$/, '').toLowerCase();
  return quoted !== undefined && bare(quoted) === bare(other.title);
}

/** A fallback footprint's "anywhere in the project" pattern separates tasks only when isolating. */
function writesThatSeparate(footprint: Footprint | undefined, hotspots: HotspotPolicy, vague: PlanPolicy['vague'], guard: number): FootprintEntry[] {
  const writes = trusted(footprint?.writes, hotspots, guard);
  return footprint?.fallback && vague === 'share' ? writes.filter((entry) => !entry.pattern) : writes;
}

/** The entries the planner trusts at a confidence: fainter guesses are shown but keep no task apart. */
function trusted(entries: readonly FootprintEntry[] | undefined, hotspots: HotspotPolicy, threshold: number): FootprintEntry[] {
  return (entries ?? []).filter((entry) => entry.confidence >= threshold && !(hotspots === 'merge' && entry.hotspot));
}
