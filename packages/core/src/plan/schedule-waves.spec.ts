import type { ConflictEdge } from './plan';
import { scheduleWaves } from './schedule-waves';

const ww = (from: string, to: string): ConflictEdge => ({ kind: 'write-write', from, to, paths: ['f'] });
const wr = (from: string, to: string): ConflictEdge => ({ kind: 'write-read', from, to, paths: ['f'] });
const dep = (from: string, to: string): ConflictEdge => ({ kind: 'depends-on', from, to, paths: [] });
const waveOf = (waves: string[][], id: string) => waves.findIndex((wave) => wave.includes(id));

function valid(waves: string[][], edges: ConflictEdge[]): boolean {
  return edges.every((edge) => {
    const from = waveOf(waves, edge.from);
    const to = waveOf(waves, edge.to);
    return edge.kind === 'write-write' ? from !== to : from < to;
  });
}

describe('scheduleWaves', () => {
  it('schedules independent tasks in one wave', () => {
    expect(scheduleWaves({ ids: ['a', 'b', 'c'], edges: [] })).toEqual({ waves: [['a', 'b', 'c']], lowerBound: 1, optimal: true });
  });

  it('needs three waves for an odd cycle of conflicts, and proves it', () => {
    const edges = [ww('a', 'b'), ww('b', 'c'), ww('c', 'd'), ww('d', 'e'), ww('a', 'e')];
    const result = scheduleWaves({ ids: ['a', 'b', 'c', 'd', 'e'], edges });
    expect(result.waves).toHaveLength(3);
    expect(result.lowerBound).toBe(2);
    expect(result.optimal).toBe(true);
    expect(valid(result.waves, edges)).toBe(true);
  });

  it('finds two waves for a crown graph, where first-fit in id order needs more', () => {
    // a_i conflicts with b_j for i != j: bipartite, so 2 waves; id-order first-fit gives 3 or more.
    const ids = ['a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a4', 'b4'];
    const edges: ConflictEdge[] = [];
    for (let i = 1; i <= 4; i++) for (let j = 1; j <= 4; j++) if (i !== j) edges.push(ww(`a${i}`, `b${j}`));
    const result = scheduleWaves({ ids, edges });
    expect(result.waves).toHaveLength(2);
    expect(result.optimal).toBe(true);
    expect(valid(result.waves, edges)).toBe(true);
  });

  it('orders writers before readers and dependencies before dependents', () => {
    const edges = [dep('lib', 'feature'), wr('feature', 'docs'), ww('lib', 'other')];
    const result = scheduleWaves({ ids: ['docs', 'feature', 'lib', 'other'], edges });
    expect(result.waves).toEqual([['lib'], ['feature', 'other'], ['docs']]);
    expect(result.lowerBound).toBe(3);
  });

  it('keeps a read that would reverse a declared dependency only as a separation', () => {
    const edges = [dep('a', 'b'), wr('b', 'a')];
    const result = scheduleWaves({ ids: ['a', 'b'], edges });
    expect(result.waves).toEqual([['a'], ['b']]);
  });

  it('puts a task nothing waits for where it costs no wall time', () => {
    const estimates = new Map([['long', 3], ['short', 1], ['x', 1]]);
    // long must come before x; short is free: it joins long's wave, whose longest task is longer.
    const result = scheduleWaves({ ids: ['long', 'short', 'x'], estimates, edges: [dep('long', 'x')] });
    expect(result.waves).toEqual([['long', 'short'], ['x']]);
  });

  it('is deterministic whatever the input order, under a step budget', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const edges: ConflictEdge[] = [];
    // a dense pseudo-random graph, the same every run
    let seed = 7;
    const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (next() < 0.5) edges.push(ww(ids[i]!, ids[j]!));
    const first = scheduleWaves({ ids, edges, searchSteps: 50 });
    expect(scheduleWaves({ ids: [...ids].reverse(), edges: [...edges].reverse(), searchSteps: 50 })).toEqual(first);
    expect(valid(first.waves, edges)).toBe(true);
    expect(first.waves.length).toBeGreaterThanOrEqual(first.lowerBound);
  });
});
