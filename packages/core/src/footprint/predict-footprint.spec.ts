import type { Task } from '../tasks';
import { predictFootprint } from './predict-footprint';

const files = ['apps/api/src/routes/users.ts', 'apps/api/src/server.ts', 'libs/payments/src/payment-service.ts', 'README.md'];
const projects = [{ name: 'api', root: 'apps/api' }, { name: 'payments', root: 'libs/payments' }];
const task = (prompt: string, touches: string[] = [], project = 'api'): Task => ({ id: 't', title: 'T', prompt, touches, dependsOn: [], agent: {}, file: 'x.md', project });

describe('predictFootprint', () => {
  it('expands declared globs against the workspace and keeps them as patterns', () => {
    const footprint = predictFootprint(task('x', ['apps/api/src/**']), { files, projects });
    expect(footprint.writes.map((e) => [e.path, !!e.pattern])).toEqual([
      ['apps/api/src/**', true],
      ['apps/api/src/routes/users.ts', false],
      ['apps/api/src/server.ts', false],
    ]);
    expect(footprint.writes[1]!.reasons).toEqual(['declared in touches: "apps/api/src/**"']);
  });

  it('keeps a declared file that does not exist yet', () => {
    expect(predictFootprint(task('x', ['apps/api/src/new.ts']), { files, projects }).writes[0]).toMatchObject({ path: 'apps/api/src/new.ts', confidence: 0.9 });
  });

  it('finds paths mentioned in the prompt, by full path, project-relative path or unique file name', () => {
    const footprint = predictFootprint(task('Update `README.md`, src/server.ts and payment-service.ts.'), { files, projects });
    expect(footprint.writes.map((e) => e.path).sort()).toEqual(['README.md', 'apps/api/src/server.ts', 'libs/payments/src/payment-service.ts']);
    expect(footprint.fallback).toBe(false);
  });

  it('falls back to the owning project, at the planner threshold so such tasks are kept apart', () => {
    const footprint = predictFootprint(task('make it better'), { files, projects });
    expect(footprint).toMatchObject({ fallback: true, writes: [{ path: 'apps/api/**', pattern: true, confidence: 0.4 }] });
  });

  it('resolves a named HTTP route to the files that register it', () => {
    const routeFiles = new Map([['/api/users', ['apps/api/src/routes/users.ts']]]);
    const footprint = predictFootprint(task('Add input validation to POST /api/users'), { files, projects, routeFiles });
    expect(footprint.writes[0]).toMatchObject({ path: 'apps/api/src/routes/users.ts', reasons: ['registers route POST /api/users'] });
  });

  it('takes a path the prompt names that does not exist yet as a file the task creates', () => {
    const footprint = predictFootprint(task('Create `src/validation/email.ts` with an isEmail helper'), { files, projects });
    expect(footprint.writes[0]).toMatchObject({ path: 'apps/api/src/validation/email.ts', reasons: ['new file "src/validation/email.ts" named in the prompt'] });
  });

  it('never predicts task files or transcripts', () => {
    const withTasks = [...files, 'apps/api/codex/paginate-products.md', 'apps/api/codex/paginate-products.transcript.json'];
    const footprint = predictFootprint(task('paginate products'), { files: withTasks, projects });
    expect(footprint.writes.some((e) => e.path.includes('/codex/'))).toBe(false);
  });
});
