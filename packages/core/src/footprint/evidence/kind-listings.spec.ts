import { foldersOf, kindListings, kindOf, kindSpellings } from './kind-listings';

describe('kind listings', () => {
  const rules = ['no-any', 'no-call-expression', 'prefer-on-push', 'use-pipe-transform'];
  const files = [
    ...rules.flatMap((name) => [`packages/plugin/src/rules/${name}.ts`, `packages/plugin/tests/rules/${name}/cases.ts`]),
    'packages/plugin/src/rules/index.ts',
    'packages/plugin/src/index.ts',
    'packages/plugin/src/utils.ts',
    'packages/plugin/src/configs/all.json',
    'packages/plugin/README.md',
    'packages/plugin/CHANGELOG.md',
    'docs/guide.md',
  ];
  const folders = foldersOf(files);
  const created = new Map([['packages/plugin/src/rules/no-outer-html.ts', 0.6]]);

  it('a new file joins the files laid out as it is: in its folder, or in folders named like its own', () => {
    const source = kindOf('packages/plugin/src/rules/no-outer-html.ts', files, folders)!;
    expect(source.layout).toBe('packages/plugin/src/rules/*.ts');
    // `index` is a sibling, but a one-word name says nothing about what lists the kind
    expect(source.names).toEqual(rules);
    expect(source.siblings).toContain('packages/plugin/src/rules/index.ts');
    const test = kindOf('packages/plugin/tests/rules/no-outer-html/cases.ts', files, folders)!;
    expect(test.layout).toBe('packages/plugin/tests/rules/*/cases.ts');
    expect(test.names).toEqual(rules);
    // two siblings make no kind
    expect(kindOf('packages/plugin/src/new-thing.ts', files, folders)).toBeUndefined();
  });

  it('the files that spell most of the siblings\' names list the kind, in either spelling; a release log, minified output and prose do not', () => {
    const spellings = new Map<string, Set<string>>([
      ['packages/plugin/src/index.ts', new Set(['noAny', 'noCallExpression', 'preferOnPush', 'usePipeTransform'])],
      ['packages/plugin/src/configs/all.json', new Set(['no-any', 'no-call-expression', 'prefer-on-push', 'use-pipe-transform'])],
      ['packages/plugin/README.md', new Set(['no-any', 'no-call-expression', 'prefer-on-push'])],
      ['packages/plugin/CHANGELOG.md', new Set(rules)],
      ['docs/api-report.min.json', new Set(rules)],
      ['docs/guide.md', new Set(['no-any', 'prefer-on-push'])],
      // a sibling that names the others is one of them, not their list
      ['packages/plugin/src/rules/no-any.ts', new Set(rules)],
    ]);
    const out = kindListings(created, files, spellings);
    expect(out.map((candidate) => [candidate.path, candidate.score])).toEqual([
      ['packages/plugin/src/configs/all.json', 0.6],
      ['packages/plugin/src/index.ts', 0.6],
    ]);
    // a config places the task; a barrel says no more than the new file does
    expect(out[0]!.places).toBe(true);
    expect(out[1]!.places).toBeUndefined();
    expect(out[0]!.reason).toBe('lists the things of its kind: spells 4 of the 4 names in packages/plugin/src/rules/*.ts, where no-outer-html.ts is new');
    // three of four is below the share a list has
    expect(out.find((candidate) => candidate.path === 'packages/plugin/README.md')).toBeUndefined();
    // a faint creation lists faintly: under the write set, at the planner's guard
    const faint = kindListings(new Map([['packages/plugin/src/rules/no-outer-html.ts', 0.3]]), files, spellings);
    expect(faint.map((candidate) => candidate.score)).toEqual([0.3, 0.3]);
  });

  it('asks the grep for every spelling of every sibling\'s name, once', () => {
    const spellings = kindSpellings(['packages/plugin/src/rules/no-outer-html.ts', 'packages/plugin/tests/rules/no-outer-html/cases.ts'], files);
    expect(spellings.sort()).toEqual(['no-any', 'no-call-expression', 'noAny', 'noCallExpression', 'prefer-on-push', 'preferOnPush', 'use-pipe-transform', 'usePipeTransform']);
  });
});
