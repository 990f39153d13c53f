import type { Footprint } from '../footprint';
import { checkPlan } from './check-plan';
import type { Plan } from './plan';

const footprint = (taskId: string, paths: string[], fallback = false): Footprint => ({
  taskId,
  writes: fallback ? [{ path: 'apps/api/**', pattern: true, confidence: 0.4, reasons: ['fallback'] }] : paths.map((path) => ({ path, confidence: 0.9, reasons: ['x'] })),
  reads: [],
  fallback,
});

function plan(waves: string[][], footprints: Footprint[]): Plan {
  return {
    schemaVersion: 1,
    baseCommit: 'abc',
    policy: { hotspots: 'serialise' },
    tasks: footprints.map((fp) => ({ id: fp.taskId, title: fp.taskId, file: `apps/api/codex/${fp.taskId}.md`, dependsOn: [], estimate: 1, footprint: fp })),
    edges: [],
    waves,
    stats: { tasks: footprints.length, waves: waves.length, lowerBound: 1, optimal: false, predictedSpeedup: 1 },
  };
}

describe('checkPlan', () => {
  const good = plan([['a', 'b']], [footprint('a', ['x.ts']), footprint('b', ['y.ts'])]);

  it('accepts a good plan', () => {
    expect(checkPlan(good, { maxWaves: 1, expected: good })).toEqual([]);
  });

  it('rejects more waves than allowed, with the lower bound', () => {
    const [problem] = checkPlan(plan([['a'], ['b']], [footprint('a', ['x.ts']), footprint('b', ['x.ts'])]), { maxWaves: 1 });
    expect(problem).toMatchObject({ code: 'TOO_MANY_WAVES', message: expect.stringContaining('needs 2 waves, more than --max-waves 1') });
  });

  it('names tasks with an empty or too broad footprint, with the task file', () => {
    const many = Array.from({ length: 3 }, (_, i) => `f${i}.ts`);
    const problems = checkPlan(plan([['a', 'b']], [footprint('a', [], true), footprint('b', many)]), { maxFootprint: 2 });
    expect(problems.map((p) => [p.code, p.task])).toEqual([
      ['EMPTY_FOOTPRINT', 'a'],
      ['BROAD_FOOTPRINT', 'b'],
    ]);
    expect(problems[0]!.message).toContain('apps/api/codex/a.md');
    expect(problems[0]!.message).toContain('so it is assumed to write anywhere in apps/api/**');
  });

  it('says what stands in for a vague task: every pattern, or the files history chose', () => {
    const vague = (writes: Footprint['writes']): Footprint => ({ taskId: 'a', writes, reads: [], fallback: true });
    const [docs] = checkPlan(plan([['a']], [vague([
      { path: 'apps/docs/**', pattern: true, confidence: 0.4, reasons: ['nothing more specific'] },
      { path: 'apps/www/**', pattern: true, confidence: 0.4, reasons: ['nothing more specific'] },
    ])]));
    expect(docs!.message).toContain('anywhere in apps/docs/** or apps/www/**');
    const [hot] = checkPlan(plan([['a']], [vague([{ path: 'apps/api/src/server.ts', confidence: 0.4, reasons: ['nothing more specific: changed in 4 of the last 30 commits to apps/api'] }])]));
    expect(hot!.message).toContain('so the planner keeps it apart on the files history points to: apps/api/src/server.ts');
  });

  it('shows how the plan differs from the expected one', () => {
    const changed = { ...good, waves: [['a'], ['b']], edges: [{ kind: 'write-write' as const, from: 'a', to: 'b', paths: ['x.ts'] }] };
    const [problem] = checkPlan(changed, { expected: good });
    expect(problem!.code).toBe('PLAN_CHANGED');
    expect(problem!.message).toContain('wave 1: expected [a, b], now [a]');
    expect(problem!.message).toContain('new edge: write-write a -> b');
    expect(problem!.hint).not.toContain('guard');
  });

  it('names a changed guard as the likely reason, a plan without one counting as the write set\'s 0.4', () => {
    const older = { ...good, policy: { hotspots: 'serialise' as const } };
    const changed = { ...good, policy: { hotspots: 'serialise' as const, guard: 0.3 }, waves: [['a'], ['b']] };
    const [problem] = checkPlan(changed, { expected: older });
    expect(problem!.hint).toContain('the expected plan was made with guard 0.4 and this one with 0.3: pass `--guard 0.4` to plan as before');
  });
});
