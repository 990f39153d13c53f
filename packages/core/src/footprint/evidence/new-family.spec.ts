import { newFamilies } from './new-family';

describe('newFamilies', () => {
  // Two projects of lint rules, each rule a source, a docs page and a test folder; a docs site beside them.
  const rule = (project: string, name: string) => [
    `packages/${project}/src/rules/${name}.ts`,
    `packages/${project}/docs/rules/${name}.md`,
    `packages/${project}/tests/rules/${name}/cases.ts`,
  ];
  const files = [
    ...rule('plugin', 'no-any'),
    ...rule('plugin', 'no-call-expression'),
    ...rule('plugin', 'prefer-on-push'),
    ...rule('template', 'no-autofocus'),
    ...rule('template', 'no-duplicate-attributes'),
    'packages/plugin/src/index.ts',
    'packages/plugin/src/utils/no-op.ts',
  ];
  const predict = (prompt: string, names: string[], roots = ['packages/plugin'], all = files) => newFamilies(prompt, names, prompt.toLowerCase().match(/[a-z]+/g) ?? [], roots, all, new Set(all));

  it('lays a new rule out as its look-alikes in the task\'s project are', () => {
    const out = predict('feat(plugin): add `no-outer-html` rule', ['no-outer-html']);
    expect(out.map((candidate) => candidate.path).sort()).toEqual([
      'packages/plugin/docs/rules/no-outer-html.md',
      'packages/plugin/src/rules/no-outer-html.ts',
      'packages/plugin/tests/rules/no-outer-html/cases.ts',
    ]);
    for (const candidate of out) {
      expect(candidate.creates).toBe(true);
      expect(candidate.score).toBeGreaterThanOrEqual(0.4);
      expect(candidate.reason).toMatch(/laid out like 2 of its 3 look-alikes/);
    }
  });

  it('says nothing of a name that exists, of a task that creates nothing, or of an option', () => {
    expect(predict('feat(plugin): add a fixer to no-any-thing', ['no-call-expression'])).toEqual([]);
    expect(predict('fix(plugin): no-outer-html misses attributes', ['no-outer-html'])).toEqual([]);
    expect(predict('feat(plugin): [no-any] add `noImplicitThis` option', ['noImplicitThis'])).toEqual([]);
    // a capitalised name in prose is a product more often than a new thing
    expect(predict('feat(plugin): add NoOuterHtml support', ['NoOuterHtml'])).toEqual([]);
    expect(predict('feat(plugin): add `NoOuterHtml`', ['NoOuterHtml']).length).toBe(3);
  });

  it('needs two look-alikes with a file in the task\'s projects: one is chance', () => {
    expect(predict('feat(plugin): add prefer-signals', ['prefer-signals'])).toEqual([]);
    expect(predict('feat: add no-outer-html', ['no-outer-html'], [])).toEqual([]);
  });

  it('with no name like it, follows the things of the kind the task names, by their folder', () => {
    const out = predict('feat(plugin): add computed-must-return rule', ['computed-must-return']);
    expect(out.map((candidate) => candidate.path).sort()).toEqual([
      'packages/plugin/docs/rules/computed-must-return.md',
      'packages/plugin/src/rules/computed-must-return.ts',
      'packages/plugin/tests/rules/computed-must-return/cases.ts',
    ]);
    expect(out[0]!.reason).toMatch(/laid out like 3 of the 3 of its kind/);
    // a kind no folder of the project is named for says nothing
    expect(predict('feat(plugin): add computed-must-return helper', ['computed-must-return'])).toEqual([]);
  });

  it('backs the files that list every thing of its kind: those changed when the look-alikes were added', () => {
    const all = [...files, 'packages/plugin/src/configs/all.json', 'packages/plugin/README.md'];
    const history = [
      { subject: 'fix(plugin): [no-any] false positive', files: ['packages/plugin/src/rules/no-any.ts', 'packages/plugin/tests/rules/no-any/cases.ts'] },
      { subject: 'feat(plugin): add no-call-expression', files: [...rule('plugin', 'no-call-expression'), 'packages/plugin/src/index.ts', 'packages/plugin/src/configs/all.json', 'packages/plugin/README.md'] },
      { subject: 'feat(plugin): add no-any', files: [...rule('plugin', 'no-any'), 'packages/plugin/src/index.ts', 'packages/plugin/src/configs/all.json', 'packages/plugin/src/utils/no-op.ts'] },
    ];
    const out = newFamilies('feat(plugin): add `no-outer-html` rule', ['no-outer-html'], [], ['packages/plugin'], all, new Set(all), history);
    const listing = out.filter((candidate) => !candidate.creates);
    expect(listing.map((candidate) => [candidate.path, candidate.score])).toEqual([
      ['packages/plugin/src/configs/all.json', 0.6],
      ['packages/plugin/src/index.ts', 0.6],
    ]);
    expect(listing[0]!.reason).toBe('lists the things of its kind: changed when 2 of 2 look-alikes of `no-outer-html` were added (no-any)');
  });

  it('follows a look-alike\'s files outside the project, and spells the name as they do', () => {
    const all = [
      'modules/signals/src/signal-state.ts',
      'modules/signals/src/signal-store.ts',
      'docs/guide/signals/signalState.md',
      'docs/guide/signals/signalStore.md',
    ];
    const out = predict('feat(signals): add `signalMethod`', ['signalMethod'], ['modules/signals'], all);
    expect(out.map((candidate) => candidate.path).sort()).toEqual(['docs/guide/signals/signalMethod.md', 'modules/signals/src/signal-method.ts']);
  });
});
