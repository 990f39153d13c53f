import { predictFootprint } from '../footprint';
import type { Task } from '../tasks';
import { buildPlan } from './build-plan';
import { DEFAULT_GUARD, type PlanPolicy } from './plan';

const projects = [
  { name: 'api', root: 'apps/api' },
  { name: 'payments', root: 'libs/payments' },
];
const files = ['apps/api/src/users.ts', 'apps/api/src/products.ts', 'apps/api/src/errors.ts', 'libs/payments/src/service.ts', 'README.md'];

function task(id: string, project: string, touches: string[], extra: Partial<Task> = {}): Task {
  return { id, title: id, prompt: id, touches, dependsOn: [], agent: {}, file: `x/codex/${id}.md`, project, ...extra };
}

function plan(tasks: Task[], policy?: PlanPolicy) {
  const footprints = new Map(tasks.map((t) => [t.id, predictFootprint(t, { files, projects })]));
  return buildPlan(tasks, footprints, 'abc123', policy);
}

describe('buildPlan', () => {
  it('puts tasks that write the same file in different waves', () => {
    const result = plan([
      task('a', 'api', ['apps/api/src/users.ts', 'apps/api/src/errors.ts']),
      task('b', 'api', ['apps/api/src/errors.ts']),
      task('c', 'payments', ['libs/payments/**']),
    ]);
    expect(result.waves).toEqual([['a', 'c'], ['b']]);
    expect(result.edges).toEqual([{ kind: 'write-write', from: 'a', to: 'b', paths: ['apps/api/src/errors.ts'] }]);
    expect(result.stats).toEqual({ tasks: 3, waves: 2, lowerBound: 2, optimal: true, predictedSpeedup: 1.5 });
  });

  it('runs a dependency in an earlier wave', () => {
    const result = plan([task('docs', 'api', ['README.md'], { dependsOn: ['z-feature'] }), task('z-feature', 'api', ['apps/api/src/products.ts'])]);
    expect(result.waves).toEqual([['z-feature'], ['docs']]);
    expect(result.stats.lowerBound).toBe(2);
  });

  it('serialises against a task with no named files in the same project only', () => {
    const result = plan([task('vague', 'api', []), task('named', 'api', ['apps/api/src/users.ts']), task('other', 'payments', ['libs/payments/src/service.ts'])]);
    expect(result.tasks.find((t) => t.id === 'vague')!.footprint.fallback).toBe(true);
    expect(result.waves).toEqual([['named', 'other'], ['vague']]);
  });

  it('lets vague tasks share waves when told to, keeping their named files apart', () => {
    const tasks = [task('vague', 'api', []), task('vague-too', 'api', []), task('named', 'api', ['apps/api/src/users.ts'])];
    expect(plan(tasks).waves).toHaveLength(3);
    const shared = plan(tasks, { hotspots: 'serialise', vague: 'share' });
    expect(shared.waves).toEqual([['named', 'vague', 'vague-too']]);
    expect(shared.policy.vague).toBe('share');
  });

  it('sees two new-file globs under one folder as a conflict', () => {
    const result = plan([task('a', 'api', ['apps/api/src/validation/**']), task('b', 'api', ['apps/api/src/validation/email.ts'])]);
    expect(result.waves).toHaveLength(2);
  });

  it('orders a task after the one whose output it reads', () => {
    const footprints = new Map([
      ['writer', { taskId: 'writer', writes: [{ path: 'apps/api/src/errors.ts', confidence: 0.9, reasons: ['x'] }], reads: [], fallback: false }],
      ['reader', { taskId: 'reader', writes: [{ path: 'apps/api/src/users.ts', confidence: 0.9, reasons: ['x'] }], reads: [{ path: 'apps/api/src/errors.ts', confidence: 0.7, reasons: ['imports apps/api/src/errors.ts'] }], fallback: false }],
    ]);
    const result = buildPlan([task('reader', 'api', []), task('writer', 'api', [])], footprints, 'abc');
    expect(result.waves).toEqual([['writer'], ['reader']]);
    expect(result.edges).toEqual([{ kind: 'write-read', from: 'writer', to: 'reader', paths: ['apps/api/src/errors.ts'] }]);
  });

  it('lets the merge handle shared hotspots when the policy says so', () => {
    const barrel = { path: 'libs/payments/src/index.ts', confidence: 0.8, reasons: ['x'], hotspot: true };
    const footprints = new Map([
      ['a', { taskId: 'a', writes: [barrel], reads: [], fallback: false }],
      ['b', { taskId: 'b', writes: [barrel], reads: [], fallback: false }],
    ]);
    const tasks = [task('a', 'payments', []), task('b', 'payments', [])];
    expect(buildPlan(tasks, footprints, 'abc').waves).toEqual([['a'], ['b']]);
    expect(buildPlan(tasks, footprints, 'abc', { hotspots: 'merge' }).waves).toEqual([['a', 'b']]);
  });

  describe('the guard', () => {
    const guess = (id: string, writes: Array<[string, number]>, reads: Array<[string, number]> = []) => ({
      taskId: id,
      writes: writes.map(([path, confidence]) => ({ path, confidence, reasons: ['x'] })),
      reads: reads.map(([path, confidence]) => ({ path, confidence, reasons: ['x'] })),
      fallback: false,
    });
    const faint = new Map([
      ['a', guess('a', [['apps/api/src/users.ts', 0.9], ['apps/api/src/errors.ts', 0.3]])],
      ['b', guess('b', [['apps/api/src/products.ts', 0.8], ['apps/api/src/errors.ts', 0.25]])],
    ]);
    const tasks = [task('a', 'api', []), task('b', 'api', [])];

    it('keeps apart two tasks that both may write one file at the guard or more', () => {
      const guarded = buildPlan(tasks, faint, 'abc123', { hotspots: 'serialise', guard: 0.2 });
      expect(guarded.waves).toEqual([['a'], ['b']]);
      expect(guarded.edges).toEqual([{ kind: 'write-write', from: 'a', to: 'b', paths: ['apps/api/src/errors.ts'] }]);
      expect(guarded.policy.guard).toBe(0.2);
    });

    it('lets them share a wave when one guess is under the guard', () => {
      expect(buildPlan(tasks, faint, 'abc123', { hotspots: 'serialise', guard: 0.3 }).waves).toEqual([['a', 'b']]);
      expect(buildPlan(tasks, faint, 'abc123').policy.guard).toBe(DEFAULT_GUARD);
    });

    it('pulls apart two faint guesses where the wave count leaves room, and never adds a wave for them', () => {
      const footprints = new Map([
        ['a', guess('a', [['apps/api/src/users.ts', 0.9], ['apps/api/src/errors.ts', 0.2]])],
        ['b', guess('b', [['apps/api/src/errors.ts', 0.15]])],
        ['c', guess('c', [['apps/api/src/users.ts', 0.8]])],
      ]);
      const three = [task('a', 'api', []), task('b', 'api', []), task('c', 'api', [])];
      expect(buildPlan(three, footprints, 'abc123', { hotspots: 'serialise', spread: false }).waves).toEqual([['a', 'b'], ['c']]);
      const spread = buildPlan(three, footprints, 'abc123', { hotspots: 'serialise' });
      expect(spread.waves).toEqual([['a'], ['b', 'c']]);
      expect(spread.edges).toEqual([{ kind: 'write-write', from: 'a', to: 'c', paths: ['apps/api/src/users.ts'] }]);
      // Two tasks alone: keeping them apart would cost a wave, so they share one.
      expect(buildPlan(three.slice(0, 2), footprints, 'abc123', { hotspots: 'serialise' }).waves).toEqual([['a', 'b']]);
    });

    it('orders tasks by reads only on the predicted write set, never on a faint guess', () => {
      const footprints = new Map([
        ['a', guess('a', [['apps/api/src/errors.ts', 0.3]])],
        ['b', guess('b', [['apps/api/src/users.ts', 0.9]], [['apps/api/src/errors.ts', 0.9]])],
      ]);
      expect(buildPlan(tasks, footprints, 'abc123', { hotspots: 'serialise', guard: 0.1 }).edges).toEqual([]);
    });
  });

  it('splits a wave larger than the concurrency limit, keeping the order of waves', () => {
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((id) => task(id, 'payments', [`libs/payments/src/${id}.ts`]));
    const result = buildPlan(tasks, new Map(tasks.map((t) => [t.id, predictFootprint(t, { files, projects })])), 'abc', { hotspots: 'serialise', concurrency: 2 });
    expect(result.waves).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(result.stats).toMatchObject({ waves: 3, lowerBound: 3 });
  });

  it('is deterministic whatever the input order', () => {
    const tasks = [task('b', 'api', ['apps/api/src/errors.ts']), task('a', 'api', ['apps/api/src/errors.ts']), task('c', 'payments', [])];
    expect(plan(tasks)).toEqual(plan([...tasks].reverse()));
  });

  describe('orders nobody declared', () => {
    const store = ['libs/store/src/index.ts', 'libs/store/src/with-hooks.ts', 'libs/store/src/with-state.ts', 'libs/store/spec/with-hooks.spec.ts', 'libs/store/spec/with-state.spec.ts'];
    const storeProjects = [{ name: 'store', root: 'libs/store' }];
    const planOf = (tasks: Task[]) => {
      const context = { files: store, projects: storeProjects, declarations: new Map() };
      return buildPlan(tasks, new Map(tasks.map((t) => [t.id, predictFootprint(t, context)])), 'abc123');
    };
    const titled = (id: string, title: string) => ({ ...task(id, 'store', []), title, prompt: '' });

    it('runs the task that creates a file before the one that builds on it, whatever their ids', () => {
      const result = planOf([titled('a-fix', 'fix(store): pass the injector to withFeature'), titled('b-add', 'feat(store): add `withFeature`')]);
      expect(result.waves).toEqual([['b-add'], ['a-fix']]);
      expect(result.edges).toEqual([
        expect.objectContaining({ kind: 'write-read', from: 'b-add', to: 'a-fix', reason: 'b-add creates libs/store/src/with-feature.ts, which a-fix builds on' }),
      ]);
    });

    it('runs a revert after the task it reverts, even with nothing in common', () => {
      const result = planOf([titled('a-revert', 'Revert "feat(store): add `withFeature`"'), titled('b-add', 'feat(store): add `withFeature` (#51)')]);
      expect(result.waves).toEqual([['b-add'], ['a-revert']]);
      expect(result.edges[0]).toMatchObject({ from: 'b-add', to: 'a-revert', reason: 'a-revert reverts b-add' });
    });

    it('keeps two tasks that both create the file apart, in either order', () => {
      const result = planOf([titled('a', 'feat(store): add `withFeature`'), titled('b', 'feat(store): create `withFeature` helpers')]);
      expect(result.edges[0]).toMatchObject({ kind: 'write-write', from: 'a', to: 'b' });
      expect(result.waves).toHaveLength(2);
    });

    it('a declared dependency wins over an inferred order', () => {
      const add = titled('b-add', 'feat(store): add `withFeature`');
      const result = planOf([{ ...titled('a-fix', 'fix(store): pass the injector to withFeature') }, { ...add, dependsOn: ['a-fix'] }]);
      expect(result.waves).toEqual([['a-fix'], ['b-add']]);
      expect(result.edges.map((edge) => edge.kind)).toEqual(['depends-on', 'write-write']);
    });
  });
});
