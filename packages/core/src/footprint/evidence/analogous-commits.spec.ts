import { analogousCommits } from './analogous-commits';

describe('analogousCommits', () => {
  const projects = ['entity', 'effects', 'store', 'www'].map((name) => ({ name, root: name === 'www' ? `apps/${name}` : `libs/${name}` }));
  const files = ['libs/entity/eslint.config.mjs', 'libs/effects/eslint.config.mjs', 'libs/store/eslint.config.mjs', 'libs/store/jest.config.ts', 'libs/store/src/store.ts', 'libs/effects/src/effects.ts'];
  const existing = new Set(files);
  const history = [
    { subject: 'refactor(entity): migrate unit tests to Vitest', files: ['libs/entity/eslint.config.mjs', 'libs/entity/vite.config.mts', 'libs/entity/src/entity-only.ts', 'libs/entity/docs/guide.md'] },
    { subject: 'refactor(effects): migrate unit tests to Vitest', files: ['libs/effects/eslint.config.mjs', 'libs/effects/vite.config.mts', 'libs/effects/src/effects.ts', 'libs/effects/docs/guide.md'] },
    { subject: 'fix(effects): handle errors', files: ['libs/effects/src/effects.ts', 'libs/effects/eslint.config.mjs'] },
    // a sweep across projects says nothing about one of them
    { subject: 'chore: migrate unit tests to Vitest everywhere', files: ['libs/entity/jest.config.ts', 'libs/effects/jest.config.ts'] },
  ];
  const paths = (prompt: string[], roots: string[]) => analogousCommits(prompt, history, roots, projects, existing).map((candidate) => `${candidate.path}${candidate.creates ? ' (new)' : ''}`).sort();

  it('carries the paths that several such commits in other projects changed over to the task\'s project', () => {
    expect(paths(['migrate', 'unit', 'tests', 'vitest'], ['libs/store'])).toEqual(['libs/store/eslint.config.mjs', 'libs/store/vite.config.mts (new)']);
  });

  it('needs two alike commits elsewhere, and never carries a project\'s own history over to itself', () => {
    expect(paths(['handle', 'errors'], ['libs/store'])).toEqual([]);
    expect(paths(['migrate', 'unit', 'tests', 'vitest'], ['libs/effects'])).toEqual([]);
    expect(paths(['migrate', 'unit', 'tests', 'vitest'], [''])).toEqual([]);
  });
});
