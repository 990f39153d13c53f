#!/usr/bin/env node
// Scheduler bench: how many waves scheduleWaves needs on synthetic conflict graphs, next to a naive
// first-fit (the previous planner) and, for small instances, the true minimum from an independent
// exact solver written here. Every schedule is checked edge by edge; an invalid one fails the run.
//
//   npm run build && node tools/bench/scheduler-bench.mjs [--out bench-results/scheduler.json] [--seed 1]
//
// Options: --out FILE (default bench-results/scheduler.json), --seed N (default 1),
//          --sizes 10,20,... and --per N (instances per family and size, default 5) for quick runs.
//
// Families (ids t0000.. so id order = index order; every ordering edge runs from a lower to a higher
// index, so there are no cycles and id order is a topological order):
//   random       Erdős–Rényi: each pair write-write with p ~ U[0.1, 0.3]; ordering edges (write-read
//                or depends-on) on ~5% as many pairs again.
//   clustered    tasks dealt at random into "projects" of 3–10; pairs inside a project conflict with
//                p ~ U[0.5, 0.8], pairs across with p = min(0.05, 2/n); ordering edges ~5% as above.
//   chain-heavy  ~70% of tasks in depends-on chains of 2–6 (plus a few cross-chain depends-on);
//                write-write with p = min(0.15, 4/n), write-read on a tenth of that.
// Estimates are U[1, 3] (one decimal). One edge at most per pair.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(import.meta.url);
let core;
try {
  core = require('../../packages/core/dist');
} catch (error) {
  console.error(`cannot load packages/core/dist (build first: npm run build): ${error.message}`);
  process.exit(2);
}
const { scheduleWaves } = core;

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const value = argv[at + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`${name} needs a value`);
    process.exit(2);
  }
  return value;
};
const seed = Number(option('--seed', '1'));
const out = resolve(option('--out', join(root, 'bench-results', 'scheduler.json')));
const sizes = option('--sizes', '10,20,40,100,300,1000').split(',').map(Number);
const perCell = Number(option('--per', '5'));
if (!Number.isInteger(seed) || sizes.some((n) => !Number.isInteger(n) || n < 1) || !(perCell >= 1)) {
  console.error('usage: scheduler-bench.mjs [--out FILE] [--seed N] [--sizes 10,20,...] [--per N]');
  process.exit(2);
}
const FAMILIES = ['random', 'clustered', 'chain-heavy'];
const EXACT_MAX = 20; // our own exact solver runs up to this many tasks
const EXACT_BUDGET = 30_000_000; // search steps (maximal independent sets generated) per instance
const RUNS = 3; // timed scheduleWaves runs per instance (median reported)
const SLOW_MS = { 1000: 2000 }; // planning slower than this (median) is reported as a problem

// ---------------------------------------------------------------- PRNG
function hashString(text) {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}
function mulberry32(state) {
  let s = state >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const uniform = (rand, lo, hi) => lo + (hi - lo) * rand();
const intIn = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
function shuffle(rand, items) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

// ---------------------------------------------------------------- instances
function makeInstance(family, n, replica) {
  const name = `${family}-${n}-${replica}`;
  const rand = mulberry32(hashString(`${seed}:${name}`));
  const ids = Array.from({ length: n }, (_, i) => `t${String(i).padStart(4, '0')}`);
  const estimates = ids.map(() => Math.round(uniform(rand, 1, 3) * 10) / 10);
  const edges = []; // { kind, a, b } with a < b (ordering edges run a -> b)
  const taken = new Set();
  const add = (kind, a, b) => {
    if (a === b) return;
    if (a > b) [a, b] = [b, a];
    const key = a * n + b;
    if (taken.has(key)) return;
    taken.add(key);
    edges.push({ kind, a, b });
  };
  const orderingKind = () => (rand() < 0.5 ? 'write-read' : 'depends-on');
  const params = {};
  if (family === 'random') {
    const p = uniform(rand, 0.1, 0.3);
    params.density = round(p, 3);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const u = rand();
        if (u < p) add('write-write', a, b);
        else if (u < p * 1.05) add(orderingKind(), a, b);
      }
    }
  } else if (family === 'clustered') {
    const order = shuffle(rand, ids.map((_, i) => i));
    const cluster = new Array(n);
    let clusters = 0;
    for (let at = 0; at < n; clusters++) {
      const size = intIn(rand, 3, 10);
      for (const i of order.slice(at, at + size)) cluster[i] = clusters;
      at += size;
    }
    const inside = uniform(rand, 0.5, 0.8);
    const across = Math.min(0.05, 2 / n);
    Object.assign(params, { clusters, inside: round(inside, 3), across: round(across, 4) });
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const p = cluster[a] === cluster[b] ? inside : across;
        const u = rand();
        if (u < p) add('write-write', a, b);
        else if (u < p * 1.05) add(orderingKind(), a, b);
      }
    }
  } else if (family === 'chain-heavy') {
    const order = shuffle(rand, ids.map((_, i) => i));
    const inChains = Math.round(n * 0.7);
    const chains = [];
    for (let at = 0; at < inChains; ) {
      const length = Math.min(intIn(rand, 2, 6), inChains - at);
      if (length < 2) break;
      const chain = order.slice(at, at + length).sort((x, y) => x - y);
      for (let k = 1; k < chain.length; k++) add('depends-on', chain[k - 1], chain[k]);
      chains.push(chain);
      at += length;
    }
    // A few cross-chain dependencies (fan-in / fan-out), still lower -> higher index.
    for (let k = 0; k < Math.round(chains.length / 4); k++) add('depends-on', intIn(rand, 0, n - 1), intIn(rand, 0, n - 1));
    const p = Math.min(0.15, 4 / n);
    Object.assign(params, { chains: chains.length, conflict: round(p, 4) });
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const u = rand();
        if (u < p) add('write-write', a, b);
        else if (u < p * 1.1) add('write-read', a, b);
      }
    }
  } else throw new Error(`unknown family ${family}`);
  return {
    name,
    family,
    n,
    replica,
    params,
    ids,
    estimates,
    edges,
    conflictEdges: edges.map(({ kind, a, b }) => ({ kind, from: ids[a], to: ids[b], paths: [] })),
  };
}

// ---------------------------------------------------------------- checks
/** Every task exactly once, write-write apart, write-read / depends-on from an earlier wave. */
function validate(instance, waves) {
  const errors = [];
  const waveOf = new Map();
  waves.forEach((wave, w) => {
    if (wave.length === 0) errors.push(`wave ${w} is empty`);
    for (const id of wave) {
      if (waveOf.has(id)) errors.push(`${id} is in waves ${waveOf.get(id)} and ${w}`);
      waveOf.set(id, w);
    }
  });
  const known = new Set(instance.ids);
  for (const id of waveOf.keys()) if (!known.has(id)) errors.push(`unknown task ${id}`);
  for (const id of instance.ids) if (!waveOf.has(id)) errors.push(`${id} is not scheduled`);
  for (const { kind, from, to } of instance.conflictEdges) {
    const wf = waveOf.get(from);
    const wt = waveOf.get(to);
    if (wf === undefined || wt === undefined) continue;
    if (kind === 'write-write' ? wf === wt : wf >= wt) errors.push(`${kind} ${from} (wave ${wf}) -> ${to} (wave ${wt})`);
  }
  return errors;
}

// ---------------------------------------------------------------- alternatives
/** Naive first-fit in id order: each task to the earliest wave after its predecessors with no task it conflicts with. */
function firstFit(instance) {
  const { n, ids, edges } = instance;
  const neighbours = Array.from({ length: n }, () => []);
  const predecessors = Array.from({ length: n }, () => []);
  for (const { kind, a, b } of edges) {
    neighbours[a].push(b);
    neighbours[b].push(a);
    if (kind !== 'write-write') predecessors[b].push(a);
  }
  const wave = new Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    // id order is index order and every ordering edge runs lower -> higher: predecessors are placed.
    let w = 0;
    for (const p of predecessors[i]) w = Math.max(w, wave[p] + 1);
    const used = new Set();
    for (const j of neighbours[i]) if (wave[j] >= 0) used.add(wave[j]);
    while (used.has(w)) w++;
    wave[i] = w;
  }
  return toWaves(ids, wave);
}

/** Predicted wall time: the sum over waves of each wave's longest estimate (what the sink placement balances). */
function wallTime(instance, waves) {
  const estimate = new Map(instance.ids.map((id, i) => [id, instance.estimates[i]]));
  return waves.reduce((total, wave) => total + Math.max(0, ...wave.map((id) => estimate.get(id))), 0);
}

function toWaves(ids, wave) {
  const count = wave.length === 0 ? 0 : Math.max(...wave) + 1;
  const waves = Array.from({ length: count }, () => []);
  wave.forEach((w, i) => waves[w].push(ids[i]));
  return waves;
}

/**
 * Exact minimum wave count, independent of scheduleWaves: breadth-first search over the sets of
 * tasks already scheduled (as bitmasks, n <= 20), one wave per step. Without loss of generality each
 * wave is a *maximal* set of mutually non-conflicting ready tasks (a ready task that fits into an
 * earlier wave can always be moved there without breaking an edge or adding a wave), so the
 * transitions are the maximal independent sets of the ready tasks. The first layer that reaches
 * "all scheduled" is the optimum. States that cannot finish within `upper - 1` waves (layer plus
 * the longest ordering chain left) are pruned: `upper` (the first-fit count) is known achievable.
 * Returns { optimum, waves, steps, states } or { optimum: null } when the step budget runs out.
 */
function exactMinimum(instance, upper) {
  const { n, ids, edges } = instance;
  if (n > 30) throw new Error('exactMinimum works on bitmasks of at most 30 tasks');
  const full = n === 0 ? 0 : (1 << n) - 1;
  const adjacent = new Array(n).fill(0); // must be in different waves
  const needs = new Array(n).fill(0); // must be in earlier waves
  for (const { kind, a, b } of edges) {
    adjacent[a] |= 1 << b;
    adjacent[b] |= 1 << a;
    if (kind !== 'write-write') needs[b] |= 1 << a;
  }
  // Longest ordering chain starting at each task (in tasks); successors have higher indices.
  const chainFrom = new Array(n).fill(1);
  for (let i = n - 1; i >= 0; i--) for (let j = i + 1; j < n; j++) if (needs[j] & (1 << i)) chainFrom[i] = Math.max(chainFrom[i], chainFrom[j] + 1);
  const remainingChain = (done) => {
    let best = 0;
    for (let i = 0; i < n; i++) if (!(done & (1 << i)) && chainFrom[i] > best) best = chainFrom[i];
    return best;
  };
  const seen = new Uint8Array(full + 1);
  const parent = new Int32Array(full + 1).fill(-1);
  let steps = 0;
  let states = 0;
  let frontier = [0];
  seen[0] = 1;
  const witness = (state) => {
    const wave = new Array(n).fill(-1);
    const layers = [];
    for (let s = state; s !== 0; s = parent[s]) layers.unshift(s & ~parent[s]);
    layers.forEach((set, w) => {
      for (let i = 0; i < n; i++) if (set & (1 << i)) wave[i] = w;
    });
    return toWaves(ids, wave);
  };
  if (n === 0) return { optimum: 0, waves: [], steps, states };
  for (let layer = 1; layer < upper; layer++) {
    const next = [];
    for (const done of frontier) {
      let ready = 0;
      for (let i = 0; i < n; i++) if (!(done & (1 << i)) && (needs[i] & done) === needs[i]) ready |= 1 << i;
      // Maximal independent sets of G[ready]: Bron–Kerbosch on the complement, with pivoting.
      let found = false;
      const expand = (chosen, candidates, excluded) => {
        if (found || steps > EXACT_BUDGET) return;
        if (candidates === 0 && excluded === 0) {
          steps++;
          const state = done | chosen;
          if (seen[state]) return;
          seen[state] = 1;
          parent[state] = done;
          states++;
          if (state === full) {
            found = true;
            return;
          }
          if (layer + remainingChain(state) < upper) next.push(state);
          return;
        }
        // Pivot: the vertex of candidates|excluded compatible with most candidates.
        let pivot = -1;
        let pivotCount = -1;
        for (let rest = candidates | excluded; rest !== 0; rest &= rest - 1) {
          const v = 31 - Math.clz32(rest & -rest);
          const count = popcount(candidates & ~adjacent[v] & ~(1 << v));
          if (count > pivotCount) (pivot = v), (pivotCount = count);
        }
        // Branch on candidates that conflict with the pivot (and the pivot itself).
        let branch = candidates & (adjacent[pivot] | (1 << pivot));
        while (branch !== 0) {
          const low = branch & -branch;
          const v = 31 - Math.clz32(low);
          branch &= branch - 1;
          const compatible = ~adjacent[v] & ~low;
          expand(chosen | low, candidates & compatible, excluded & compatible);
          candidates &= ~low;
          excluded |= low;
          if (found || steps > EXACT_BUDGET) return;
        }
      };
      expand(0, ready, 0);
      if (steps > EXACT_BUDGET) return { optimum: null, steps, states };
      if (found) return { optimum: layer, waves: witness(full), steps, states };
    }
    frontier = next;
    if (frontier.length === 0) break;
  }
  return { optimum: upper, waves: null, steps, states }; // nothing shorter than the known upper bound
}

function popcount(x) {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// ---------------------------------------------------------------- measure
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mean = (values) => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);
function round(value, digits = 2) {
  return value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;
}

function scheduleInput(instance) {
  return {
    ids: instance.ids,
    estimates: new Map(instance.ids.map((id, i) => [id, instance.estimates[i]])),
    edges: instance.conflictEdges,
  };
}

function measure(instance) {
  const problems = [];
  const times = [];
  let schedule;
  let first;
  for (let run = 0; run < RUNS; run++) {
    const input = scheduleInput(instance);
    const start = process.hrtime.bigint();
    schedule = scheduleWaves(input);
    times.push(ms(start));
    const text = JSON.stringify(schedule);
    if (first === undefined) first = text;
    else if (text !== first) problems.push(`scheduleWaves is not deterministic: run ${run + 1} differs from run 1`);
  }
  const waves = schedule.waves.length;
  const invalid = validate(instance, schedule.waves);
  for (const error of invalid) problems.push(`scheduleWaves invalid: ${error}`);

  const ffStart = process.hrtime.bigint();
  const ff = firstFit(instance);
  const ffMs = ms(ffStart);
  for (const error of validate(instance, ff)) problems.push(`first-fit invalid (bench bug): ${error}`);

  let exact = null;
  if (instance.n <= EXACT_MAX) {
    const start = process.hrtime.bigint();
    const result = exactMinimum(instance, ff.length);
    exact = { ...result, ms: ms(start) };
    if (result.waves) for (const error of validate(instance, result.waves)) problems.push(`exact witness invalid (bench bug): ${error}`);
    if (result.optimum !== null) {
      if (waves < result.optimum && invalid.length === 0) problems.push(`scheduleWaves has ${waves} waves, below the proven minimum ${result.optimum} (bench bug?)`);
      if (schedule.lowerBound > result.optimum) problems.push(`lowerBound ${schedule.lowerBound} exceeds the true minimum ${result.optimum}`);
      if (schedule.optimal && waves > result.optimum) problems.push(`optimal=true but ${waves} waves > true minimum ${result.optimum}`);
    }
  }
  if (schedule.lowerBound > ff.length) problems.push(`lowerBound ${schedule.lowerBound} exceeds the valid first-fit schedule's ${ff.length} waves`);
  if (schedule.lowerBound > waves) problems.push(`lowerBound ${schedule.lowerBound} exceeds its own ${waves} waves`);
  if (schedule.optimal && waves !== schedule.lowerBound && instance.n > 60) problems.push(`optimal=true above the exact limit without meeting the lower bound`);
  const planMs = median(times);
  if (SLOW_MS[instance.n] !== undefined && planMs > SLOW_MS[instance.n]) problems.push(`slow: median ${planMs.toFixed(0)} ms for ${instance.n} tasks (limit ${SLOW_MS[instance.n]} ms)`);

  const counts = { 'write-write': 0, 'write-read': 0, 'depends-on': 0 };
  for (const edge of instance.edges) counts[edge.kind]++;
  return {
    instance: instance.name,
    family: instance.family,
    tasks: instance.n,
    replica: instance.replica,
    params: instance.params,
    edges: counts,
    codewaves: { waves, lowerBound: schedule.lowerBound, optimal: schedule.optimal, wall: round(wallTime(instance, schedule.waves), 1), ms: round(planMs, 3), runsMs: times.map((t) => round(t, 3)) },
    firstFit: { waves: ff.length, wall: round(wallTime(instance, ff), 1), ms: round(ffMs, 3) },
    exact: exact && { optimum: exact.optimum, steps: exact.steps, states: exact.states, ms: round(exact.ms, 1) },
    valid: invalid.length === 0,
    problems,
  };
}

// ---------------------------------------------------------------- run
const started = process.hrtime.bigint();
// Warm the JIT so the first timed instances are not penalised.
for (const n of [30, 100]) scheduleWaves(scheduleInput(makeInstance('random', n, -1)));

const rows = [];
for (const family of FAMILIES) {
  for (const n of sizes) {
    for (let replica = 0; replica < perCell; replica++) {
      const row = measure(makeInstance(family, n, replica));
      rows.push(row);
      for (const problem of row.problems) console.error(`!! ${row.instance}: ${problem}`);
    }
    process.stderr.write(`  ${family} ${n} done (${(ms(started) / 1000).toFixed(1)} s)\n`);
  }
}

// ---------------------------------------------------------------- report
const groups = [];
for (const family of FAMILIES) {
  for (const n of sizes) {
    const cell = rows.filter((r) => r.family === family && r.tasks === n);
    const solved = cell.filter((r) => r.exact && r.exact.optimum !== null);
    groups.push({
      family,
      tasks: n,
      instances: cell.length,
      codewaves: round(mean(cell.map((r) => r.codewaves.waves))),
      codewavesWall: round(mean(cell.map((r) => r.codewaves.wall))),
      firstFitWall: round(mean(cell.map((r) => r.firstFit.wall))),
      firstFit: round(mean(cell.map((r) => r.firstFit.waves))),
      optimum: solved.length > 0 ? round(mean(solved.map((r) => r.exact.optimum))) : null,
      solved: solved.length,
      lowerBound: round(mean(cell.map((r) => r.codewaves.lowerBound))),
      matchesOptimum: solved.length > 0 ? round(solved.filter((r) => r.codewaves.waves === r.exact.optimum).length / solved.length, 3) : null,
      flaggedOptimal: round(cell.filter((r) => r.codewaves.optimal).length / cell.length, 3),
      gapToOptimum: solved.length > 0 ? round(mean(solved.map((r) => r.codewaves.waves - r.exact.optimum))) : null,
      gapToLowerBound: round(mean(cell.map((r) => r.codewaves.waves - r.codewaves.lowerBound))),
      firstFitBetter: cell.filter((r) => r.firstFit.waves < r.codewaves.waves).length,
      meanMs: round(mean(cell.map((r) => r.codewaves.ms)), 1),
      maxMs: round(Math.max(...cell.map((r) => r.codewaves.ms)), 1),
      invalid: cell.filter((r) => !r.valid).length,
    });
  }
}

const fmt = (v, d = 2) => (v === null || v === undefined ? '—' : Number(v).toFixed(d));
const pct = (v) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`);
const lines = [
  '| family | tasks | codewaves | first-fit | optimum | lower bound | = optimum | flagged optimal | gap (to opt / LB) | FF better | plan ms mean | plan ms max |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const g of groups) {
  const gap = g.gapToOptimum !== null ? `${fmt(g.gapToOptimum)} (opt)` : `${fmt(g.gapToLowerBound)} (LB)`;
  const optimum = g.optimum === null ? '—' : g.solved < g.instances ? `${fmt(g.optimum)} (${g.solved}/${g.instances})` : fmt(g.optimum);
  lines.push(
    `| ${g.family} | ${g.tasks} | ${fmt(g.codewaves)} | ${fmt(g.firstFit)} | ${optimum} | ${fmt(g.lowerBound)} | ${pct(g.matchesOptimum)} | ${pct(g.flaggedOptimal)} | ${gap} | ${g.firstFitBetter}/${g.instances} | ${fmt(g.meanMs, 1)} | ${fmt(g.maxMs, 1)} |`,
  );
}

const solvedRows = rows.filter((r) => r.exact && r.exact.optimum !== null);
const exactTried = rows.filter((r) => r.exact);
const large = rows.filter((r) => r.tasks >= 1000);
const summary = {
  instances: rows.length,
  invalid: rows.filter((r) => !r.valid).length,
  problems: rows.reduce((s, r) => s + r.problems.length, 0),
  // Mean over instances of first-fit waves / codewaves waves (> 1: codewaves uses fewer waves).
  firstFitOverCodewaves: round(mean(rows.map((r) => r.firstFit.waves / r.codewaves.waves)), 3),
  firstFitOverCodewavesUpTo40: round(mean(rows.filter((r) => r.tasks <= 40).map((r) => r.firstFit.waves / r.codewaves.waves)), 3),
  firstFitOverCodewavesFrom300: round(mean(rows.filter((r) => r.tasks >= 300).map((r) => r.firstFit.waves / r.codewaves.waves)), 3),
  totalWavesFirstFitOverCodewaves: round(rows.reduce((s, r) => s + r.firstFit.waves, 0) / rows.reduce((s, r) => s + r.codewaves.waves, 0), 3),
  // Same for predicted wall time (sum of each wave's longest estimate).
  wallFirstFitOverCodewaves: round(mean(rows.map((r) => r.firstFit.wall / r.codewaves.wall)), 3),
  codewavesFewer: rows.filter((r) => r.codewaves.waves < r.firstFit.waves).length,
  firstFitFewer: rows.filter((r) => r.firstFit.waves < r.codewaves.waves).length,
  exactSolved: solvedRows.length,
  exactTried: exactTried.length,
  matchedOptimum: solvedRows.filter((r) => r.codewaves.waves === r.exact.optimum).length,
  shareMatchedOptimum: solvedRows.length ? round(solvedRows.filter((r) => r.codewaves.waves === r.exact.optimum).length / solvedRows.length, 3) : null,
  meanGapToOptimum: solvedRows.length ? round(mean(solvedRows.map((r) => r.codewaves.waves - r.exact.optimum)), 3) : null,
  firstFitMatchedOptimum: solvedRows.filter((r) => r.firstFit.waves === r.exact.optimum).length,
  shareFlaggedOptimal: round(rows.filter((r) => r.codewaves.optimal).length / rows.length, 3),
  meanGapToLowerBoundAbove20: round(mean(rows.filter((r) => r.tasks > EXACT_MAX).map((r) => r.codewaves.waves - r.codewaves.lowerBound)), 3),
  maxPlanMs1000: large.length ? round(Math.max(...large.map((r) => r.codewaves.ms)), 1) : null,
  totalSeconds: round(ms(started) / 1000, 1),
};

console.log(`# Scheduler bench (seed ${seed}, ${perCell} instances per family and size, median of ${RUNS} runs)\n`);
console.log(lines.join('\n'));
console.log(
  `\nSummary: ${summary.instances} instances, ${summary.invalid} invalid; waves first-fit/codewaves = ${fmt(summary.firstFitOverCodewaves, 3)} (mean of ratios; ≤40 tasks ${fmt(summary.firstFitOverCodewavesUpTo40, 3)}, ≥300 tasks ${fmt(summary.firstFitOverCodewavesFrom300, 3)}; total waves ${fmt(summary.totalWavesFirstFitOverCodewaves, 3)}; wall time ${fmt(summary.wallFirstFitOverCodewaves, 3)}), codewaves fewer on ${summary.codewavesFewer}, first-fit fewer on ${summary.firstFitFewer}; ` +
    `codewaves matched the true optimum on ${summary.matchedOptimum}/${summary.exactSolved} exactly-solved instances (${pct(summary.shareMatchedOptimum)}, mean gap ${fmt(summary.meanGapToOptimum, 3)}; first-fit ${summary.firstFitMatchedOptimum}/${summary.exactSolved}); ` +
    `flagged optimal ${pct(summary.shareFlaggedOptimal)}; mean gap to lower bound above ${EXACT_MAX} tasks ${fmt(summary.meanGapToLowerBoundAbove20)}; max plan time at 1000 tasks ${fmt(summary.maxPlanMs1000, 0)} ms; ${summary.totalSeconds} s total.`,
);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      bench: 'scheduler',
      seed,
      sizes,
      perCell,
      runs: RUNS,
      exact: { maxTasks: EXACT_MAX, stepBudget: EXACT_BUDGET, method: 'BFS over scheduled-task sets, waves = maximal independent sets of ready tasks' },
      environment: { node: process.version, cpus: cpus().length, platform: process.platform },
      generatedAt: new Date().toISOString(),
      summary,
      groups,
      instances: rows,
    },
    null,
    2,
  )}\n`,
);
console.error(`wrote ${out}`);

const problemRows = rows.filter((r) => r.problems.length > 0);
if (problemRows.length > 0) {
  console.error(`\n${problemRows.length} instance(s) with problems:`);
  for (const r of problemRows) for (const p of r.problems) console.error(`  ${r.instance}: ${p}`);
}
if (summary.invalid > 0) {
  console.error(`\nFAIL: scheduleWaves produced ${summary.invalid} invalid schedule(s)`);
  process.exit(1);
}
