import { pairedTests } from './paired-tests';
import { stemOf } from './mentioned-files';

const tests = ['libs/state/spec/patch-state.spec.ts', 'libs/state/spec/types/patch-state.types.spec.ts', 'libs/other/spec/patch-state.spec.ts'];
const testsByStem = new Map<string, string[]>();
for (const test of tests) testsByStem.set(stemOf(test), [...(testsByStem.get(stemOf(test)) ?? []), test]);
const projectRootOf = (file: string) => file.split('/').slice(0, 2).join('/');
const scores = (typesTask: boolean) =>
  Object.fromEntries(pairedTests(new Map([['libs/state/src/patch-state.ts', 1]]), testsByStem, projectRootOf, false, typesTask).map((candidate) => [candidate.path, candidate.score]));

describe('pairedTests', () => {
  it('a type test shares the stem of the file it checks', () => {
    expect(stemOf('libs/state/spec/types/patch-state.types.spec.ts')).toBe('patch-state');
    expect(stemOf('src/a.test-d.ts')).toBe('a');
  });

  it('pairs a written source with its tests in the same project only', () => {
    expect(Object.keys(scores(false)).sort()).toEqual(['libs/state/spec/patch-state.spec.ts', 'libs/state/spec/types/patch-state.types.spec.ts']);
  });

  it('pairs a source with its test across naming conventions', () => {
    const byStem = new Map([['version-utils', ['test/unit/version-utils.test.ts']]]);
    expect(pairedTests(new Map([['src/util/VersionUtils.ts', 1]]), byStem, () => '', false).map((candidate) => candidate.path)).toEqual(['test/unit/version-utils.test.ts']);
  });

  it('a task about types ranks the type tests above the run-time tests', () => {
    const typed = scores(true);
    expect(typed['libs/state/spec/types/patch-state.types.spec.ts']).toBeGreaterThan(typed['libs/state/spec/patch-state.spec.ts']!);
    expect(typed['libs/state/spec/patch-state.spec.ts']).toBeLessThan(scores(false)['libs/state/spec/patch-state.spec.ts']!);
  });

  it('a barrel has no tests of its own: index.spec.ts files elsewhere in the project test other things', () => {
    const byStem = new Map([['index', ['libs/state/migrations/v2/index.spec.ts']]]);
    expect(pairedTests(new Map([['libs/state/src/index.ts', 1]]), byStem, projectRootOf, false)).toEqual([]);
  });
});
