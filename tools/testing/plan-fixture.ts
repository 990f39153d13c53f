import type { FootprintEntry } from '../../packages/core/src/footprint/footprint';
import type { Plan, PlannedTask } from '../../packages/core/src/plan/plan';

function entry(path: string, confidence: number, extra: Partial<FootprintEntry> = {}): FootprintEntry {
  return { path, confidence, reasons: [`declared in touches: "${path}"`], ...extra };
}

type TaskExtra = Partial<Pick<PlannedTask, 'dependsOn' | 'estimate'>> & { reads?: FootprintEntry[]; notes?: string[] };

function task(id: string, title: string, project: string | undefined, writes: FootprintEntry[], extra: TaskExtra = {}): PlannedTask {
  const { reads = [], notes, ...rest } = extra;
  return {
    id,
    title,
    file: `${project ? `apps/${project}/` : ''}codex/${id}.md`,
    ...(project === undefined ? {} : { project }),
    dependsOn: [],
    estimate: 1,
    footprint: { taskId: id, writes, reads, fallback: false, ...(notes ? { notes } : {}) },
    ...rest,
  };
}

/**
 * A plan with 3 waves, every edge kind, a task without a project and titles that need escaping
 * (quotes, brackets, a pipe), built by hand so renderer tests do not depend on the scheduler.
 */
export function planFixture(): Plan {
  return {
    schemaVersion: 1,
    baseCommit: '3f1c2a9b7e4d5c6f8a0b1c2d3e4f5a6b7c8d9e0f',
    policy: { hotspots: 'serialise', concurrency: 4 },
    tasks: [
      task('api-docs', 'Document the users API', 'docs', [entry('docs/api.md', 0.6)], {
        reads: [entry('apps/api/src/routes/users.ts', 0.7)],
      }),
      task('create-validation-lib', 'Create the validation library', 'validation', [
        entry('libs/validation/src/**', 0.9, { pattern: true }),
        entry('libs/validation/src/index.ts', 0.8),
      ]),
      task(
        'error-refactor',
        'Refactor error handling (orders) | phase 1',
        'api',
        [entry('apps/api/src/errors.ts', 0.9), entry('apps/api/src/orders.ts', 0.85), entry('package.json', 0.4, { hotspot: true })],
        { estimate: 2 },
      ),
      task('paginate-products', 'Paginate the product listing', 'api', [entry('apps/api/src/products.ts', 0.75)], {
        reads: [entry('libs/validation/src/index.ts', 0.5)],
      }),
      task('readme', "Update the README's [Usage] section", undefined, [entry('README.md', 1)], { notes: ['shallow clone: no history evidence'] }),
      task(
        'users-validation',
        'Add "strict" validation to POST /api/users [v2]',
        'api',
        [
          entry('apps/api/src/routes/users.ts', 0.95),
          entry('apps/api/src/errors.ts', 0.7),
          entry('apps/api/src/routes/users.spec.ts', 0.6),
          entry('package.json', 0.5, { hotspot: true }),
        ],
        { dependsOn: ['create-validation-lib'], reads: [entry('libs/validation/src/index.ts', 0.9)] },
      ),
    ],
    edges: [
      { kind: 'depends-on', from: 'create-validation-lib', to: 'users-validation', paths: [] },
      { kind: 'write-read', from: 'create-validation-lib', to: 'paginate-products', paths: ['libs/validation/src/index.ts'] },
      { kind: 'write-read', from: 'users-validation', to: 'api-docs', paths: ['apps/api/src/routes/users.ts'] },
      { kind: 'write-write', from: 'error-refactor', to: 'users-validation', paths: ['apps/api/src/errors.ts', 'package.json'] },
    ],
    waves: [['create-validation-lib', 'error-refactor', 'readme'], ['paginate-products', 'users-validation'], ['api-docs']],
    stats: { tasks: 6, waves: 3, lowerBound: 3, optimal: true, predictedSpeedup: 1.75 },
  };
}
