import type { ConflictEdge } from './plan';

export interface ScheduleInput {
  ids: readonly string[];
  /** Relative task lengths, used to balance waves where the wave count leaves a choice. */
  estimates?: ReadonlyMap<string, number>;
  edges: readonly ConflictEdge[];
  /** Backtracking steps the exact search may take: a step budget, not a clock, so plans stay deterministic. */
  searchSteps?: number;
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
 * first; for small task sets an exact branch and bound then tries every smaller wave count down to
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

  let best = heuristic(graph, estimate);
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
  const waves: string[][] = Array.from({ length: bestCount }, () => []);
  best.forEach((wave, i) => waves[wave]!.push(ids[i]!));
  return { waves: waves.map((wave) => wave.sort()), lowerBound, optimal };
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

function heuristic(graph: Graph, estimate: number[]): number[] {
  const { n, apart, before, after } = graph;
  const wave: number[] = new Array(n).fill(-1);
  const waveMax: number[] = [];
  const waveSize: number[] = [];
  for (let placed = 0; placed < n; placed++) {
    let pick = -1;
    let pickKey: number[] = [];
    for (let i = 0; i < n; i++) {
      if (wave[i] !== -1 || before[i]!.some((p) => wave[p] === -1)) continue;
      const saturation = new Set([...apart[i]!].map((j) => wave[j]).filter((w) => w! >= 0)).size;
      const key = [saturation, graph.tail[i]!, apart[i]!.size, estimate[i]!, -i];
      if (pick === -1 || compare(key, pickKey) > 0) {
        pick = i;
        pickKey = key;
      }
    }
    const lowest = Math.max(0, ...before[pick]!.map((p) => wave[p]! + 1));
    const feasible = (w: number) => ![...apart[pick]!].some((j) => wave[j] === w);
    let chosen = -1;
    if (after[pick]!.length === 0) {
      // Nothing waits for it: put it where it costs no wall time (a wave whose longest task is at
      // least as long), the emptiest such wave; otherwise the earliest it fits.
      for (let w = lowest; w < waveMax.length; w++) {
        if (feasible(w) && estimate[pick]! <= waveMax[w]! && (chosen === -1 || waveSize[w]! < waveSize[chosen]!)) chosen = w;
      }
    }
    if (chosen === -1) for (chosen = lowest; !feasible(chosen); chosen++);
    wave[pick] = chosen;
    waveMax[chosen] = Math.max(waveMax[chosen] ?? 0, estimate[pick]!);
    waveSize[chosen] = (waveSize[chosen] ?? 0) + 1;
  }
  return wave;
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
