import { testArea } from './test-area';

describe('testArea', () => {
  it('is the test folders of each project, and the tests beside its sources', () => {
    const files = ['modules/lint/src/rules/a.ts', 'modules/lint/spec/rules/a.spec.ts', 'modules/lint/spec/utils.ts', 'modules/lint/src/b.spec.ts', 'modules/other/spec/x.spec.ts'];
    expect(testArea(['modules/lint'], files).map((entry) => [entry.path, entry.pattern, entry.score])).toEqual([
      ['modules/lint/spec/**', true, 0.3],
      ['modules/lint/**/*.{spec,test}.*', true, 0.3],
    ]);
  });

  it('writes many test folders as one pattern, and names nothing for a project without tests or the workspace root', () => {
    const files = ['a', 'b', 'c', 'd'].map((name) => `packages/core/src/${name}/__tests__/${name}.ts`);
    expect(testArea(['packages/core'], files).map((entry) => entry.path)).toEqual(['packages/core/**/{__tests__,spec,specs,test,tests,e2e}/**']);
    expect(testArea(['packages/docs'], ['packages/docs/index.md'])).toEqual([]);
    expect(testArea([''], ['test/a.spec.ts'])).toEqual([]);
  });

  it('is the whole of a folder of tests that a scope names', () => {
    expect(testArea(['test/functional/cascades'], ['test/functional/cascades/entity/Post.ts', 'test/functional/cascades/cascades.test.ts']).map((entry) => entry.path)).toEqual(['test/functional/cascades/**']);
  });
});
