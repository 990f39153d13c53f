import { gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import { listWorkspaceFiles } from '../git';
import type { Task } from '../tasks';
import { detectWorkspace } from '../workspace';
import { loadFootprintContext } from './load-footprint-context';
import { predictFootprint, WRITE_THRESHOLD } from './predict-footprint';
import { predictFootprints } from './predict-footprints';

// A small monorepo with a history, so every kind of evidence has something to find.
describe('footprint from a real repository', () => {
  let repo: GitFixture;

  beforeAll(() => {
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['modules/*'] }),
      'modules/store/package.json': '{"name":"@acme/store"}',
      'modules/store/src/reducer.ts': 'export function createReducer() {}\n',
      'modules/store/src/selector.ts': 'export function createSelector() {}\nexport class Memo { reset() {} }\n',
      'modules/store/spec/selector.spec.ts': "import { createSelector } from '../src/selector';\n",
      'modules/store/src/index.ts': "export * from './selector';\n",
      'modules/effects/package.json': '{"name":"@acme/effects"}',
      'modules/effects/src/effect.ts': "import { createSelector } from '@acme/store';\nexport const createEffect = () => createSelector();\n",
      'modules/effects/spec/effect.spec.ts': '',
      'modules/effects/jest.config.ts': 'export default {};\n',
      'modules/effects/spec/memoized.spec.ts': "const spy = jest.fn();\n",
      'modules/effects/src/memoized.ts': "import { createSelector } from '@acme/store';\nexport const memoized = createSelector;\n",
      'docs/guide.md': '# guide\n',
      'modules/effects/src/routes.ts': "router.post('/api/effects', handler);\nrouter.get('/api/effects/:id', show);\n",
    });
    // history: the selector and its spec change together; effect work stays in effects
    for (let i = 0; i < 3; i++) {
      repo.write({ 'modules/store/src/selector.ts': `export function createSelector() {}\nexport class Memo { reset() {} }\n// ${i}\n`, 'modules/store/spec/selector.spec.ts': `// ${i}\n` });
      repo.commit(`fix(store): memoize selector results ${i}`);
      repo.write({ 'modules/effects/src/effect.ts': `export const createEffect = () => ${i};\n`, 'modules/effects/spec/effect.spec.ts': `// ${i}\n` });
      repo.commit(`feat(effects): dispatch option for effects ${i}`);
    }
  });
  afterAll(() => repo.remove());

  async function predict(prompt: string, extra: Partial<Task> = {}) {
    const files = await listWorkspaceFiles(repo.root);
    const workspace = await detectWorkspace(repo.root, files);
    const context = await loadFootprintContext(repo.root, files, workspace.projects, [prompt]);
    const footprint = predictFootprint({ id: 't', title: prompt, prompt, touches: [], dependsOn: [], agent: {}, file: 't.md', ...extra }, context);
    return { footprint, predicted: footprint.writes.filter((e) => e.confidence >= WRITE_THRESHOLD && !e.pattern).map((e) => e.path).sort() };
  }

  it('resolves a mentioned identifier to the file that declares it, with ts-morph, and adds its test', async () => {
    const { footprint, predicted } = await predict('perf: make `createSelector` faster');
    expect(predicted).toEqual(['modules/store/spec/selector.spec.ts', 'modules/store/src/selector.ts']);
    const selector = footprint.writes.find((e) => e.path === 'modules/store/src/selector.ts')!;
    expect(selector.reasons).toContain('declares function `createSelector`');
    // effect.ts only uses createSelector: a use is not a declaration
    expect(footprint.writes.find((e) => e.path === 'modules/effects/src/effect.ts')).toBeUndefined();
  });

  it('a capitalised word of prose finds the class of that name, and only a declaration counts', async () => {
    const { footprint } = await predict('fix(store): reset the Memo after a failure');
    expect(footprint.writes.find((e) => e.path === 'modules/store/src/selector.ts')!.reasons).toContain('declares class `Memo`');
    const { footprint: prose } = await predict('docs: explain the Guide better');
    expect(prose.writes.some((e) => e.reasons.some((reason) => reason.startsWith('declares')))).toBe(false);
  });

  it('a name the task removes takes every file that uses it along, found with git grep', async () => {
    const { footprint } = await predict('fix(store): drop `createSelector` in production');
    expect(footprint.writes.find((e) => e.path === 'modules/store/src/selector.ts')!.reasons).toContain('uses `createSelector`, which the task removes or renames');
    const { footprint: deprecated } = await predict('fix(store): deprecate and drop `createSelector`');
    expect(deprecated.writes.some((e) => e.reasons.some((reason) => reason.endsWith('which the task removes or renames')))).toBe(false);
  });

  it('a name the task replaces takes its users inside the task\'s project along, even when "deprecated"', async () => {
    const { footprint } = await predict('refactor(effects): replace deprecated createSelector');
    expect(footprint.writes.find((e) => e.path === 'modules/effects/src/memoized.ts')!.reasons).toContain('uses `createSelector`, which the task replaces');
    // the store's own users of the name are another project's business
    expect(footprint.writes.find((e) => e.path === 'modules/store/src/selector.ts')?.reasons ?? []).not.toContain('uses `createSelector`, which the task replaces');
  });

  it('moving a project to another test runner rewrites the tests that call the old one', async () => {
    const { footprint } = await predict('refactor(effects): migrate unit tests to Vitest');
    expect(footprint.writes.find((e) => e.path === 'modules/effects/spec/memoized.spec.ts')!.reasons).toContain('calls jest, which the task replaces with vitest');
    expect(footprint.writes.find((e) => e.path === 'modules/effects/jest.config.ts')!.reasons).toContain('configures jest, which the task replaces with vitest');
    // the store's tests are another project's
    const { footprint: store } = await predict('refactor(store): migrate unit tests to Vitest');
    expect(store.writes.some((e) => e.reasons.some((reason) => reason.startsWith('calls jest')))).toBe(false);
  });

  it('the declarations walk also says which files use each code name, and a few users back the task', async () => {
    const files = await listWorkspaceFiles(repo.root);
    const context = await loadFootprintContext(repo.root, files, [], ['perf: make `createSelector` faster']);
    expect([...context.usages!.get('createSelector')!].sort()).toEqual(['modules/effects/src/memoized.ts', 'modules/store/src/selector.ts']);
    const { footprint } = await predict('fix(effects): memoize with `createSelector`');
    expect(footprint.writes.find((e) => e.path === 'modules/effects/src/memoized.ts')!.reasons).toContain('uses `createSelector`, which the task names');
  });

  it('looks up the users of every name a sprint removes, in the declarations\' one walk', async () => {
    const files = await listWorkspaceFiles(repo.root);
    const prompts = ['createSelector', 'createReducer', 'createEffect', 'Memo', 'reset', 'handler'].map((name) => `refactor: drop \`${name}\``);
    const context = await loadFootprintContext(repo.root, files, [], prompts);
    expect([...context.usages!.keys()].sort()).toEqual(['Memo', 'createEffect', 'createReducer', 'createSelector', 'handler', 'reset']);
    expect(context.usages!.get('createReducer')).toEqual(['modules/store/src/reducer.ts']);
    expect(context.usages!.get('handler')).toEqual(['modules/effects/src/routes.ts']);
  });

  it('reads: files that import what the task writes; writes when the task changes a signature', async () => {
    const files = await listWorkspaceFiles(repo.root);
    const workspace = await detectWorkspace(repo.root, files);
    const task = (id: string, prompt: string): Task => ({ id, title: prompt, prompt, touches: [], dependsOn: [], agent: {}, file: `${id}.md` });
    const footprints = await predictFootprints(repo.root, files, workspace.projects, [
      task('faster', 'perf: make `createSelector` faster'),
      task('rename', 'refactor: rename the options parameter of `createSelector`'),
      task('renameMemo', 'refactor: rename `Memo` to `Memoizer`'),
    ]);
    const index = footprints.get('faster')!.reads.find((e) => e.path === 'modules/store/src/index.ts');
    expect(index?.reasons).toEqual(['imports modules/store/src/selector.ts']);
    const rename = footprints.get('rename')!;
    expect(rename.writes.find((e) => e.path === 'modules/store/src/index.ts')!.reasons[0]).toContain('whose signature the task changes');
    // a barrel file is a hotspot: many unrelated tasks touch it
    expect(rename.writes.find((e) => e.path === 'modules/store/src/index.ts')!.hotspot).toBe(true);
    // renaming a name: an importer that never spells it (`export * from './selector'`) has nothing to rename
    const renameMemo = footprints.get('renameMemo')!;
    expect(renameMemo.writes.map((e) => e.path)).toContain('modules/store/src/selector.ts');
    expect(renameMemo.writes.map((e) => e.path)).not.toContain('modules/store/src/index.ts');
    expect(renameMemo.reads.map((e) => e.path)).toContain('modules/store/src/index.ts');
  });

  it('finds the file that registers a route the prompt names', async () => {
    const { predicted, footprint } = await predict('Validate the body of POST /api/effects');
    expect(predicted).toContain('modules/effects/src/routes.ts');
    expect(footprint.writes.find((e) => e.path === 'modules/effects/src/routes.ts')!.reasons).toContain('registers route POST /api/effects');
  });

  it('finds class members too', async () => {
    const { footprint } = await predict('fix: Memo.reset() forgets the last value, see `reset`');
    expect(footprint.writes.find((e) => e.path === 'modules/store/src/selector.ts')!.reasons).toContain('declares method `reset`');
  });

  it('uses similar past commits and the conventional-commit scope when the prompt names no file', async () => {
    const { predicted, footprint } = await predict('feat(effects): dispatch option defaults');
    expect(predicted).toEqual(['modules/effects/spec/effect.spec.ts', 'modules/effects/src/effect.ts']);
    expect(footprint.writes[0]!.reasons.join(' ')).toContain('similar past commits');
  });

  it('falls back to the files the task\'s project changes most when nothing else is known', async () => {
    const { footprint, predicted } = await predict('refactor: tidy up', { project: '@acme/store' });
    expect(footprint.fallback).toBe(true);
    expect(predicted).toEqual(['modules/store/spec/selector.spec.ts', 'modules/store/src/selector.ts']);
    expect(footprint.writes[0]!.reasons[0]).toMatch(/^nothing more specific: changed in 4 of the last 4 commits to modules\/store/);
  });
});

describe('declarations of a rare name beside a common one', () => {
  let repo: GitFixture;
  beforeAll(() => {
    // Eighty files declare `query`, more than one prompt's parse budget; the file that declares the
    // rare name sorts after all of them.
    const files: Record<string, string> = {
      'zz/late.ts': 'export function transformResponse(query: string) { return query; }\n',
      'zz/definitions.ts': 'export type Definition = {\n  onCacheEntry?(arg: string): void\n  keepFor?: number\n}\n',
    };
    for (let i = 0; i < 80; i++) files[`aa/f${String(i).padStart(2, '0')}.ts`] = 'export const query = 1;\n';
    repo = gitRepo(files);
  });
  afterAll(() => repo.remove());

  it('parses the files of the rarest names first, so a common word cannot crowd them out', async () => {
    const files = await listWorkspaceFiles(repo.root);
    const context = await loadFootprintContext(repo.root, files, [], ['Only run `transformResponse` when a `query` is used']);
    expect(context.declarations!.get('transformResponse')).toEqual([{ file: 'zz/late.ts', kind: 'function', exported: true }]);
    expect(context.notes!.join(' ')).toContain('parsed the first 60 that declare one, the rarest names\' first');
  });

  it('finds the members a type alias declares, an optional method too', async () => {
    const files = await listWorkspaceFiles(repo.root);
    const context = await loadFootprintContext(repo.root, files, [], ['Call `onCacheEntry` and respect `keepFor`']);
    expect(context.declarations!.get('onCacheEntry')).toEqual([{ file: 'zz/definitions.ts', kind: 'property', exported: true }]);
    expect(context.declarations!.get('keepFor')).toEqual([{ file: 'zz/definitions.ts', kind: 'property', exported: true }]);
  });
});

describe('a task that updates a package', () => {
  let repo: GitFixture;
  beforeAll(() => {
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'], devDependencies: { typescript: '5.6.0' } }),
      'packages/toolkit/package.json': JSON.stringify({ name: '@acme/toolkit', dependencies: { immer: '^10.0.0' } }),
      'packages/toolkit/src/reducer.ts': 'export const reducer = 1;\n',
      'packages/site/package.json': JSON.stringify({ name: '@acme/site', devDependencies: { '@chakra-ui/react': '1.0.0', immer: '10.0.0' } }),
      'packages/codegen/package.json': JSON.stringify({ name: '@acme/codegen', dependencies: { 'use-immer': '1.0.0' } }),
      'packages/broken/package.json': '{ "name": "broken", ',
    });
  });
  afterAll(() => repo.remove());

  it('writes the manifests that list it, and they place the work', async () => {
    const files = await listWorkspaceFiles(repo.root);
    const workspace = await detectWorkspace(repo.root, files);
    const prompt = 'Update Immer to v11 for better update performance';
    const context = await loadFootprintContext(repo.root, files, workspace.projects, [prompt]);
    const footprint = predictFootprint({ id: 't', title: prompt, prompt, touches: [], dependsOn: [], agent: {}, file: 't.md' }, context);
    expect(footprint.fallback).toBe(false);
    const manifests = footprint.writes.filter((entry) => entry.reasons.includes('lists the package the task updates (immer)'));
    expect(manifests.map((entry) => [entry.path, entry.hotspot])).toEqual([
      ['packages/site/package.json', true],
      ['packages/toolkit/package.json', true],
    ]);
    expect(context.notes).toContain('packages/broken/package.json: not valid JSON, its dependencies not read');
  });

  it('a task that removes a package writes the manifests that list it', async () => {
    const files = await listWorkspaceFiles(repo.root);
    const workspace = await detectWorkspace(repo.root, files);
    const prompt = 'refactor(site): move the forms to signals and remove Chakra UI';
    const context = await loadFootprintContext(repo.root, files, workspace.projects, [prompt]);
    const footprint = predictFootprint({ id: 't', title: prompt, prompt, touches: [], dependsOn: [], agent: {}, file: 't.md' }, context);
    expect(footprint.writes.filter((entry) => entry.reasons.includes('lists the package the task removes (chakraui)')).map((entry) => entry.path)).toEqual(['packages/site/package.json']);
  });
});

describe('a task that adds one more of a kind', () => {
  let repo: GitFixture;
  const rules = ['no-any', 'no-call-expression', 'no-empty-lifecycle', 'prefer-on-push'];
  beforeAll(() => {
    const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }),
      'packages/plugin/package.json': '{"name":"plugin"}',
      ...Object.fromEntries(rules.flatMap((name) => [
        [`packages/plugin/src/rules/${name}.ts`, `export const rule = '${name}';\n`],
        [`packages/plugin/tests/rules/${name}/cases.ts`, 'export const cases = [];\n'],
      ])),
      'packages/plugin/src/index.ts': rules.map((name) => `import ${camel(name)} from './rules/${name}';\n`).join(''),
      'packages/plugin/src/configs/all.json': JSON.stringify({ rules: Object.fromEntries(rules.map((name) => [`plugin/${name}`, 'error'])) }),
      'packages/plugin/CHANGELOG.md': rules.map((name) => `- add ${name}\n`).join(''),
      'packages/plugin/docs/guide.md': 'Start with no-any.\n',
    });
  });
  afterAll(() => repo.remove());

  it('writes the files that list its siblings, found by the names they spell, and they place the task', async () => {
    const files = await listWorkspaceFiles(repo.root);
    const workspace = await detectWorkspace(repo.root, files);
    const prompt = 'feat(plugin): add `no-outer-html` rule';
    const footprints = await predictFootprints(repo.root, files, workspace.projects, [{ id: 't', title: prompt, prompt, touches: [], dependsOn: [], agent: {}, file: 't.md' }]);
    const footprint = footprints.get('t')!;
    const listed = footprint.writes.filter((entry) => entry.reasons.some((reason) => reason.startsWith('lists the things of its kind: spells')));
    expect(listed.map((entry) => entry.path).sort()).toEqual(['packages/plugin/src/configs/all.json', 'packages/plugin/src/index.ts']);
    for (const entry of listed) expect(entry.confidence).toBeGreaterThanOrEqual(WRITE_THRESHOLD);
    expect(footprint.writes.filter((entry) => entry.creates).map((entry) => entry.path)).toEqual(expect.arrayContaining(['packages/plugin/src/rules/no-outer-html.ts']));
    expect(footprint.fallback).toBe(false);
  });
});
