import { join } from 'node:path';
import { evaluateModule } from '../../testing/evaluate-module';

interface Row { guard: number; overlapRecall: number; falseSerialisation: number; overlaps: number; caught: number; independent: number; serialised: number; meanFiles: number }

describe('guardPairs', () => {
  // Three commits: a and b changed one file together, c another. a and b guess at the shared file
  // at 0.35 and 0.3; c guesses at a's other file at 0.2. d is too far away to pair with any.
  const cases = [
    { seq: 10, truth: ['src/shared.ts', 'src/a.ts'], writes: [['src/a.ts', 0.9], ['src/shared.ts', 0.35]] },
    { seq: 9, truth: ['src/shared.ts'], writes: [['src/shared.ts', 0.3]] },
    { seq: 8, truth: ['src/c.ts'], writes: [['src/c.ts', 0.8], ['src/a.ts', 0.2], ['src/**', 0.9, true]] },
    { seq: 1, truth: ['src/a.ts'], writes: [['src/a.ts', 0.9]] },
  ];
  const measure = (guards: number[], distance = 5): { cases: number; pairs: number; rows: Row[] } =>
    evaluateModule(
      join(__dirname, 'guard-pairs.mjs'),
      `m.guardPairs({ cases: ${JSON.stringify(cases)}, writesOf: (entry) => entry.writes.map(([path, confidence, pattern]) => ({ path, confidence, pattern })), guards: ${JSON.stringify(guards)}, distance: ${distance} })`,
    );

  it('counts the overlapping pairs a guard keeps apart, and the others it serialises for nothing', () => {
    const { pairs, rows } = measure([0.4, 0.3, 0.2]);
    expect(pairs).toBe(3);
    expect(rows.map(({ guard, caught, overlaps, serialised, independent }) => ({ guard, caught, overlaps, serialised, independent }))).toEqual([
      { guard: 0.4, caught: 0, overlaps: 1, serialised: 0, independent: 2 },
      { guard: 0.3, caught: 1, overlaps: 1, serialised: 0, independent: 2 },
      { guard: 0.2, caught: 1, overlaps: 1, serialised: 1, independent: 2 },
    ]);
  });

  it('leaves patterns out and pairs only cases within the distance', () => {
    const { pairs, rows } = measure([0.1], 100);
    expect(pairs).toBe(6);
    // d changed src/a.ts as a did: caught. c's guess at src/a.ts keeps it from a and d for nothing,
    // and its pattern (all of src/) keeps it from no one.
    expect(rows[0]).toMatchObject({ overlaps: 2, caught: 2, independent: 4, serialised: 2 });
  });

  it('plans batches with the real planner: spreading pulls two guesses apart at no cost in waves', () => {
    const core = join(__dirname, '..', '..', '..', 'packages', 'core', 'dist', 'index.js');
    const history = [
      { id: 'a', prompt: 'a', truth: ['src/x.ts', 'src/a.ts'], writes: [['src/a.ts', 0.9], ['src/x.ts', 0.2]] },
      { id: 'b', prompt: 'b', truth: ['src/x.ts'], writes: [['src/x.ts', 0.15]] },
      { id: 'c', prompt: 'c', truth: ['src/c.ts'], writes: [['src/a.ts', 0.8]] },
    ];
    const rows = evaluateModule<Array<{ name: string; meanWaves: number; collisions: number; overlapping: number; keptApart: number }>>(
      join(__dirname, 'guard-pairs.mjs'),
      `m.planBatches({ cases: ${JSON.stringify(history)}, size: 3,
        footprintOf: (entry) => ({ writes: entry.writes.map(([path, confidence]) => ({ path, confidence, reasons: [] })), reads: [], fallback: false }),
        policies: [{ name: 'as found', policy: { hotspots: 'serialise', spread: false } }, { name: 'spread', policy: { hotspots: 'serialise' } }],
        buildPlan: (await import(${JSON.stringify(core)})).buildPlan })`,
    );
    expect(rows.map(({ name, meanWaves, collisions, overlapping, keptApart }) => ({ name, meanWaves, collisions, overlapping, keptApart }))).toEqual([
      { name: 'as found', meanWaves: 2, collisions: 1, overlapping: 1, keptApart: 1 },
      { name: 'spread', meanWaves: 2, collisions: 0, overlapping: 1, keptApart: 1 },
    ]);
  });

  it('counts what the planner keeps apart in the bench\'s pairs: a vague task\'s pattern and a read too, which paths alone miss', () => {
    const core = join(__dirname, '..', '..', '..', 'packages', 'core', 'dist', 'index.js');
    const entry = (path: string, confidence: number, extra = {}) => ({ path, confidence, reasons: [], ...extra });
    const footprints: Record<string, object> = {
      // a and b guess at one file: both views keep them apart
      a: { writes: [entry('src/a.ts', 0.9), entry('src/shared.ts', 0.3)], reads: [], fallback: false },
      b: { writes: [entry('src/shared.ts', 0.5)], reads: [], fallback: false },
      // v is vague: only its project's pattern, which meets b's file
      v: { writes: [entry('src/**', 0.4, { pattern: true })], reads: [], fallback: true },
      // r reads what a writes: the planner orders them
      r: { writes: [entry('lib/r.ts', 0.9)], reads: [entry('src/a.ts', 0.7)], fallback: false },
    };
    const pair = (a: string, b: string, conflict: boolean, overlap = conflict) => ({ id: `${a}-${b}`, base: 'base', conflict, overlap, a: { prompt: a }, b: { prompt: b } });
    const pairs = [pair('a', 'b', true), pair('v', 'b', true), pair('a', 'r', false), pair('r', 'b', false), pair('a', 'x', false)];
    const { pairs: placed, rows } = evaluateModule<{ pairs: number; rows: Array<Record<string, number>> }>(
      join(__dirname, 'guard-pairs.mjs'),
      `m.plannerPairs({ pairs: ${JSON.stringify(pairs)}, guards: [0.3, 0.4],
        footprintOf: (base, prompt) => (${JSON.stringify(footprints)})[prompt],
        conflictEdges: (await import(${JSON.stringify(core)})).conflictEdges })`,
    );
    // a pair with an unpredicted side is left out
    expect(placed).toBe(4);
    expect(rows[0]).toMatchObject({ guard: 0.3, conflicts: 2, conflictsApart: 2, pathsConflictsApart: 1, independent: 2, serialised: 1, pathsSerialised: 0, conflictRecall: 1, falseSerialisation: 0.5 });
    // at 0.4, a's guess at the shared file no longer counts
    expect(rows[1]).toMatchObject({ guard: 0.4, conflictsApart: 1, pathsConflictsApart: 0 });
  });
});

describe('calibration', () => {
  it('counts, band by band, the predicted files the commit changed, placed and vague footprints apart', () => {
    const cases = [
      { truth: ['src/a.ts', 'src/b.ts'], footprint: { fallback: false, writes: [{ path: 'src/a.ts', confidence: 0.95 }, { path: 'src/b.ts', confidence: 0.45 }, { path: 'src/c.ts', confidence: 0.4 }, { path: 'src/**', confidence: 0.4, pattern: true }] } },
      { truth: ['src/d.ts'], footprint: { fallback: true, writes: [{ path: 'src/hot.ts', confidence: 0.4 }, { path: 'src/d.ts', confidence: 0.12 }] } },
      { truth: ['src/e.ts'] },
    ];
    const rows: Array<{ from: number; to: number; placed: { files: number; right: number }; vague: { files: number; right: number } }> = evaluateModule(
      join(__dirname, 'guard-pairs.mjs'),
      `m.calibration({ cases: ${JSON.stringify(cases)}, footprintOf: (entry) => entry.footprint, bands: [0.1, 0.4, 0.9] })`,
    );
    expect(rows).toEqual([
      { from: 0.1, to: 0.4, placed: { files: 0, right: 0 }, vague: { files: 1, right: 1 } },
      { from: 0.4, to: 0.9, placed: { files: 2, right: 1 }, vague: { files: 1, right: 0 } },
      { from: 0.9, to: 1, placed: { files: 1, right: 1 }, vague: { files: 0, right: 0 } },
    ]);
  });
});
