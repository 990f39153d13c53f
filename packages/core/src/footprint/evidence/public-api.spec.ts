import { publicApi } from './public-api';

const files = new Set([
  'libs/state/package.json',
  'libs/state/src/index.ts',
  'libs/state/src/models.ts',
  'libs/state/entities/ng-package.json',
  'libs/state/entities/index.ts',
  'libs/state/entities/src/index.ts',
  'libs/state/entities/src/models.ts',
  'libs/state/helpers/src/util.ts',
  'libs/other/src/index.ts',
]);
const paths = (prompt: string, roots: string[], declaring: string[] = []) => publicApi(prompt, roots, files, declaring).map((candidate) => candidate.path);

describe('publicApi', () => {
  it('edits the project entry file when the task changes its exports', () => {
    expect(paths('feat(state): export SelectOptions type', ['libs/state'])).toEqual(['libs/state/src/index.ts']);
    expect(paths('feat(state): faster selectors', ['libs/state'])).toEqual([]);
  });

  it('takes the secondary entry point nearest the declaration of the named symbol', () => {
    expect(paths('feat(state): add EntityChanges to the public API', ['libs/state'], ['libs/state/entities/src/models.ts'])).toEqual(['libs/state/entities/src/index.ts']);
    // a folder with no manifest of its own belongs to the project's entry
    expect(paths('feat(state): export util', ['libs/state'], ['libs/state/helpers/src/util.ts'])).toEqual(['libs/state/src/index.ts']);
  });

  it('keeps the scoped project entry when the symbol is declared in another package (a re-export)', () => {
    expect(paths('feat(other): deprecate `SelectOptions` export', ['libs/other'], ['libs/state/src/models.ts'])).toEqual(['libs/other/src/index.ts']);
  });
});
