import type { ConflictEdge } from './plan';

export interface ScheduleInput {
  ids: readonly string[];
  /** Relative task lengths, used to balance waves where the wave count leaves a choice. */
  estimates?: ReadonlyMap<string, number>;
  edges: readonly ConflictEdge[];
  /** Backtracking steps the exact search may take: a step budget, not a clock, so plans stay deterministic. */
  searchSteps?: number;
  /**
   * Pairs better kept apart when that costs no wave (two guesses at one file), with how much it
   * matters. After the wave count is found, tasks move between its waves to pull them apart.
   */
  preferApart?: readonly PreferApart[];
}

export interface PreferApart {
  a: string;
  b: string;
  /** Larger is likelier to conflict: the chance both tasks write a file they share. */
  weight: number;
}

export interface Schedule {
  waves: string[][];
  lowerBound: number;
  /** The wave count is proven minimal. */
  optimal: boolean;
}

const EXACT_LIMIT = 60;
const DEFAULT_STEPS = 200_000;

/**
 * The fewest waves that respect every edge: `depends-on` and `write-read` order two tasks (the first
 * in an earlier wave), `write-write` only keeps them apart. A DSatur-style heuristic schedules
 * first (or plain first-fit, when that happens to need fewer waves); for small task sets an exact branch and bound then tries every smaller wave count down to
 * the lower bound (largest clique of conflicts, longest chain of orderings) within a step budget.
 */
export function scheduleWaves(input: ScheduleInput): Schedule {
  const ids = [...input.ids].sort();
  const n = ids.length;
  if (n === 0) return { waves: [], lowerBound: 0, optimal: true };
  const index = new Map(ids.map((id, i) => [id, i]));
  const estimate = ids.map((id) => input.estimates?.get(id) ?? 1);
  const graph = buildGraph(n, index, input.edges);
  const lowerBound = Math.max(graph.chain, largestClique(graph.apart));

  const dsatur = heuristic(graph, estimate);
  const fallback = firstFit(graph);
  let best = waveCount(fallback) < waveCount(dsatur) ? fallback : dsatur;
  let bestCount = waveCount(best);
  let optimal = bestCount === lowerBound;
  if (!optimal && n <= EXACT_LIMIT) {
    const budget = { steps: input.searchSteps ?? DEFAULT_STEPS };
    let proven = true;
    for (let k = lowerBound; k < bestCount; k++) {
      const result = exact(graph, k, budget);
      if (result === 'budget') {
        proven = false;
        break;
      }
      if (result !== 'none') {
        best = result;
        bestCount = k;
        break;
      }
    }
    optimal = proven;
  }
  if (input.preferApart && input.preferApart.length > 0) best = spreadApart(best, bestCount, graph, input.preferApart, index);
  const waves: string[][] = Array.from({ length: bestCount }, () => []);
  best.forEach((wave, i) => waves[wave]!.push(ids[i]!));
  // Spreading may empty a wave the heuristic opened: dropping it keeps every order.
  const kept = waves.filter((wave) => wave.length > 0);
  return { waves: kept.map((wave) => wave.sort()), lowerBound, optimal: optimal || kept.length === lowerBound };
}

/**
 * Uses the room the wave count leaves: a task sharing a wave with tasks it would rather avoid moves
 * to the wave, within its orderings and away from its conflicts, where the avoided weight is least.
 * Every move lowers the total weight of pairs left together, so it ends; ties stay put, so the
 * result is the same for the same input.
 */
function spreadApart(assignment: number[], k: number, graph: Graph, pairs: readonly PreferApart[], index: ReadonlyMap<string, number>): number[] {
  const { n, apart, before, after } = graph;
  const wave = [...assignment];
  const partners = Array.from({ length: n }, () => [] as Array<[number, number]>);
  for (const { a, b, weight } of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j || apart[i]!.has(j) || !(weight > 0)) continue;
    partners[i]!.push([j, weight]);
    partners[j]!.push([i, weight]);
  }
  const together = (task: number, at: number) => partners[task]!.reduce((sum, [other, weight]) => sum + (wave[other] === at ? weight : 0), 0);
  for (let moved = true, rounds = 0; moved && rounds < n * k; rounds++) {
    moved = false;
    for (let task = 0; task < n; task++) {
      const here = together(task, wave[task]!);
      if (here === 0) continue;
      const lo = Math.max(0, ...before[task]!.map((p) => wave[p]! + 1));
      const hi = Math.min(k - 1, ...after[task]!.map((s) => wave[s]! - 1));
      const blocked = new Set([...apart[task]!].map((other) => wave[other]));
      let target = wave[task]!;
      let least = here;
      for (let at = lo; at <= hi; at++) {
        if (at === wave[task] || blocked.has(at)) continue;
        const there = together(task, at);
        if (there < least - 1e-9) {
          target = at;
          least = there;
        }
      }
      if (target !== wave[task]) {
        wave[task] = target;
        moved = true;
      }
    }
  }
  return wave;
}

interface Graph {
  n: number;
  /** Pairs that must be in different waves (every edge kind). */
  apart: Set<number>[];
  /** Ordering: before[i] must be in an earlier wave than i. */
  before: number[][];
  after: number[][];
  /** Longest chain of orderings ending at i (0-based) and starting at i. */
  head: number[];
  tail: number[];
  chain: number;
}

function buildGraph(n: number, index: ReadonlyMap<string, number>, edges: readonly ConflictEdge[]): Graph {
  const apart = Array.from({ length: n }, () => new Set<number>());
  const before = Array.from({ length: n }, () => [] as number[]);
  const after = Array.from({ length: n }, () => [] as number[]);
  const reaches = (from: number, to: number): boolean => {
    const seen = new Set<number>([from]);
    const stack = [from];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === to) return true;
      for (const next of after[node]!) if (!seen.has(next)) seen.add(next), stack.push(next);
    }
    return false;
  };
  // Declared dependencies first: a read may not reverse what the user declared.
  const ordered = [...edges].sort((a, b) => Number(a.kind !== 'depends-on') - Number(b.kind !== 'depends-on'));
  for (const edge of ordered) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from === undefined || to === undefined || from === to) continue;
    apart[from]!.add(to);
    apart[to]!.add(from);
    // A write-read edge that would close a cycle of orderings only keeps the two apart.
    if (edge.kind === 'write-write' || (edge.kind === 'write-read' && reaches(to, from))) continue;
    if (!before[to]!.includes(from)) {
      before[to]!.push(from);
      after[from]!.push(to);
    }
  }
  const head = longest(n, before);
  const tail = longest(n, after);
  return { n, apart, before, after, head, tail, chain: Math.max(...head.map((h, i) => h + tail[i]! + 1)) };
}

function longest(n: number, inbound: number[][]): number[] {
  const memo: number[] = new Array(n).fill(-1);
  const visit = (i: number): number => {
    if (memo[i]! >= 0) return memo[i]!;
    memo[i] = 0;
    memo[i] = Math.max(0, ...inbound[i]!.map((j) => visit(j) + 1));
    return memo[i]!;
  };
  return Array.from({ length: n }, (_, i) => visit(i));
}

/** A clique found greedily from each vertex: its size is a valid lower bound on the wave count. */
function largestClique(apart: Set<number>[]): number {
  let best = apart.length > 0 ? 1 : 0;
  const byDegree = apart.map((_, i) => i).sort((a, b) => apart[b]!.size - apart[a]!.size || a - b);
  for (const start of byDegree) {
    if (apart[start]!.size + 1 <= best) break;
    const clique = [start];
    for (const candidate of byDegree) {
      if (candidate !== start && clique.every((member) => apart[member]!.has(candidate))) clique.push(candidate);
    }
    best = Math.max(best, clique.length);
  }
  return best;
}

/**
 * DSatur adapted to orderings: among the tasks whose predecessors are placed, the one on the longest
 * remaining chain goes first (measured on 300-1000-task instances: saturation first left long chains
 * for last and cost up to 20% more waves than plain first-fit), then the most constrained; each
 * goes to the earliest wave it fits. Counts are kept up to date as tasks are placed, so a step costs
 * a scan of the tasks, not of their neighbourhoods.
 */
function heuristic(graph: Graph, estimate: number[]): number[] {
  const { n, apart, before, after } = graph;
  const wave: number[] = new Array(n).fill(-1);
  const neighbourWaves = Array.from({ length: n }, () => new Map<number, number>());
  const waiting = before.map((list) => list.length);
  for (let placed = 0; placed < n; placed++) {
    let pick = -1;
    let pickKey: number[] = [];
    for (let i = 0; i < n; i++) {
      if (wave[i] !== -1 || waiting[i]! > 0) continue;
      const key = [graph.tail[i]!, neighbourWaves[i]!.size, apart[i]!.size, estimate[i]!, -i];
      if (pick === -1 || compare(key, pickKey) > 0) {
        pick = i;
        pickKey = key;
      }
    }
    place(pick, earliestWave(pick, wave, before, neighbourWaves), wave, apart, after, neighbourWaves, waiting);
  }
  return wave;
}

/** The previous planner, kept as a safety net: tasks in order of chain depth, then id, earliest fit. */
function firstFit(graph: Graph): number[] {
  const { n, apart, before, after } = graph;
  const wave: number[] = new Array(n).fill(-1);
  const neighbourWaves = Array.from({ length: n }, () => new Map<number, number>());
  const waiting = before.map((list) => list.length);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => graph.head[a]! - graph.head[b]! || a - b);
  for (const task of order) place(task, earliestWave(task, wave, before, neighbourWaves), wave, apart, after, neighbourWaves, waiting);
  return wave;
}

function earliestWave(task: number, wave: number[], before: number[][], neighbourWaves: Map<number, number>[]): number {
  let chosen = Math.max(0, ...before[task]!.map((p) => wave[p]! + 1));
  while (neighbourWaves[task]!.has(chosen)) chosen++;
  return chosen;
}

function place(task: number, at: number, wave: number[], apart: Set<number>[], after: number[][], neighbourWaves: Map<number, number>[], waiting: number[]): void {
  wave[task] = at;
  for (const neighbour of apart[task]!) neighbourWaves[neighbour]!.set(at, (neighbourWaves[neighbour]!.get(at) ?? 0) + 1);
  for (const next of after[task]!) waiting[next]!--;
}

/** Branch and bound for exactly `k` waves: an assignment, 'none' (proven impossible) or 'budget'. */
function exact(graph: Graph, k: number, budget: { steps: number }): number[] | 'none' | 'budget' {
  const { n, apart, before, after, head, tail } = graph;
  const wave: number[] = new Array(n).fill(-1);
  if (head.some((h, i) => h > k - 1 - tail[i]!)) return 'none';
  const options = (i: number): number[] => {
    let lo = head[i]!;
    let hi = k - 1 - tail[i]!;
    for (const p of before[i]!) if (wave[p]! >= 0) lo = Math.max(lo, wave[p]! + 1);
    for (const s of after[i]!) if (wave[s]! >= 0) hi = Math.min(hi, wave[s]! - 1);
    const taken = new Set([...apart[i]!].map((j) => wave[j]));
    const out: number[] = [];
    for (let w = lo; w <= hi; w++) if (!taken.has(w)) out.push(w);
    return out;
  };
  let exhausted = false;
  const solve = (assigned: number): boolean => {
    if (assigned === n) return true;
    if (--budget.steps < 0) {
      exhausted = true;
      return false;
    }
    let pick = -1;
    let pickOptions: number[] = [];
    for (let i = 0; i < n; i++) {
      if (wave[i] !== -1) continue;
      const candidate = options(i);
      if (candidate.length === 0) return false;
      if (pick === -1 || candidate.length < pickOptions.length || (candidate.length === pickOptions.length && apart[i]!.size > apart[pick]!.size)) {
        pick = i;
        pickOptions = candidate;
      }
    }
    for (const w of pickOptions) {
      wave[pick] = w;
      if (solve(assigned + 1)) return true;
      if (exhausted) return false;
    }
    wave[pick] = -1;
    return false;
  };
  if (solve(0)) return [...wave];
  return exhausted ? 'budget' : 'none';
}

function waveCount(assignment: number[]): number {
  return assignment.length === 0 ? 0 : Math.max(...assignment) + 1;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
