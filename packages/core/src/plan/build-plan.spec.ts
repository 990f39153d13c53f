import { predictFootprint } from '../footprint';
import type { Task } from '../tasks';
import { buildPlan } from './build-plan';

const projects = [
  { name: 'api', root: 'apps/api' },
  { name: 'payments', root: 'libs/payments' },
];
const files = ['apps/api/src/users.ts', 'apps/api/src/products.ts', 'apps/api/src/errors.ts', 'libs/payments/src/service.ts', 'README.md'];

function task(id: string, project: string, touches: string[], extra: Partial<Task> = {}): Task {
  return { id, title: id, prompt: id, touches, dependsOn: [], agent: {}, file: `x/codex/${id}.md`, project, ...extra };
}

function plan(tasks: Task[]) {
  const footprints = new Map(tasks.map((t) => [t.id, predictFootprint(t, { files, projects })]));
  return buildPlan(tasks, footprints, 'abc123');
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
    expect(result.stats).toEqual({ tasks: 3, waves: 2, lowerBound: 2, predictedSpeedup: 1.5 });
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

  it('sees two new-file globs under one folder as a conflict', () => {
    const result = plan([task('a', 'api', ['apps/api/src/validation/**']), task('b', 'api', ['apps/api/src/validation/email.ts'])]);
    expect(result.waves).toHaveLength(2);
  });

  it('is deterministic whatever the input order', () => {
    const tasks = [task('b', 'api', ['apps/api/src/errors.ts']), task('a', 'api', ['apps/api/src/errors.ts']), task('c', 'payments', [])];
    expect(plan(tasks)).toEqual(plan([...tasks].reverse()));
  });
});
