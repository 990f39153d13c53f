import type { Task } from '../tasks';
import { predictedPaths, predictFootprint } from './predict-footprint';

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

  it('a path the prompt writes keeps its confidence outside the scope\'s project and in a docs task', () => {
    const footprint = predictFootprint({ ...task('docs(api): explain retries in libs/payments/src/payment-service.ts'), project: undefined }, { files, projects });
    expect(footprint.writes.find((entry) => entry.path === 'libs/payments/src/payment-service.ts')!.confidence).toBeGreaterThanOrEqual(0.85);
    // a file name several files bear is left for the scope to choose
    const readmes = ['apps/api/README.md', 'libs/payments/README.md', ...files];
    const writes = predictFootprint({ ...task('docs(payments): update README.md'), project: undefined }, { files: readmes, projects }).writes.filter((entry) => entry.confidence >= 0.4);
    expect(writes.map((entry) => entry.path)).toEqual(['libs/payments/README.md']);
  });

  it('in a task about tests, an identifier that names only a test names that test', () => {
    const withTests = [...files, 'apps/api/spec/types/of_type.spec.ts', 'apps/api/src/actions.ts'];
    const named = (prompt: string) => predictFootprint(task(prompt), { files: withTests, projects }).writes.filter((e) => e.reasons.includes('file named after `of_type`')).map((e) => e.path);
    expect(named('test: increase timeout for of_type test')).toEqual(['apps/api/spec/types/of_type.spec.ts']);
    expect(named('fix: of_type narrows the union')).toEqual([]);
  });

  it('a ci task backs the workflow its words point at, and only that one', () => {
    const repo = ['.github/workflows/release.yml', '.github/workflows/ci.yml', '.github/workflows/docs.yml', 'tools/publish.ts', ...Array.from({ length: 30 }, (_, i) => `src/part-${i}.ts`)];
    const confidence = (prompt: string, path: string) => predictFootprint({ ...task(prompt), project: undefined }, { files: repo, projects: [] }).writes.find((entry) => entry.path === path)?.confidence ?? 0;
    expect(confidence('ci: use a GitHub app token for the release', '.github/workflows/release.yml')).toBeGreaterThanOrEqual(0.4);
    expect(confidence('ci: use a GitHub app token for the release', '.github/workflows/ci.yml')).toBeLessThan(0.4);
    expect(confidence('chore: use a GitHub app token for the release', '.github/workflows/release.yml')).toBeLessThan(confidence('ci: use a GitHub app token for the release', '.github/workflows/release.yml'));
  });

  it('falls back to the owning project, at the planner threshold so such tasks are kept apart', () => {
    const footprint = predictFootprint(task('make it better'), { files, projects });
    expect(footprint).toMatchObject({ fallback: true, writes: [{ path: 'apps/api/**', pattern: true, confidence: 0.4 }] });
  });

  it('resolves a named HTTP route to the files that register it', () => {
    const routeFiles = new Map([['/api/users', ['apps/api/src/routes/users.ts']]]);
    const footprint = predictFootprint(task('Add input validation to POST /api/users'), { files, projects, routeFiles });
    expect(footprint.writes[0]!.path).toBe('apps/api/src/routes/users.ts');
    expect(footprint.writes[0]!.reasons[0]).toBe('registers route POST /api/users');
  });

  it('takes a path the prompt names that does not exist yet as a file the task creates', () => {
    const footprint = predictFootprint(task('Create `src/validation/email.ts` with an isEmail helper'), { files, projects });
    expect(footprint.writes[0]).toMatchObject({ path: 'apps/api/src/validation/email.ts', reasons: ['new file "src/validation/email.ts" named in the prompt'] });
  });

  it('reads a long task\'s first 20,000 characters, and says so', () => {
    const pasted = `Update \`README.md\`.\n${'a log line that names nothing\n'.repeat(1000)}`;
    const footprint = predictFootprint(task(pasted), { files, projects });
    expect(footprint.writes.map((entry) => entry.path)).toContain('README.md');
    expect(footprint.notes).toContain("the task's text is 30,022 characters long: only its first 20,000 were read");
    expect(predictFootprint(task('Update `README.md`.'), { files, projects }).notes ?? []).toEqual([]);
  });

  it('never predicts task files or transcripts', () => {
    const withTasks = [...files, 'apps/api/codex/paginate-products.md', 'apps/api/codex/paginate-products.transcript.json'];
    const footprint = predictFootprint(task('paginate products'), { files: withTasks, projects });
    expect(footprint.writes.some((e) => e.path.includes('/codex/'))).toBe(false);
  });

  describe('files a task will create', () => {
    const store = [
      'libs/store/src/index.ts',
      'libs/store/src/with-hooks.ts',
      'libs/store/src/with-state.ts',
      'libs/store/src/signal-state.ts',
      'libs/store/spec/with-hooks.spec.ts',
      'libs/store/spec/with-state.spec.ts',
      'libs/store/schematics/utility/with-ast.ts',
    ];
    const storeProjects = [{ name: 'store', root: 'libs/store' }];
    const predict = (prompt: string, declarations = new Map()) => predictFootprint({ ...task(prompt), project: undefined }, { files: store, projects: storeProjects, declarations });

    it('names a new identifier\'s file and test after the project\'s look-alikes', () => {
      const footprint = predict('feat(store): add `withFeature`');
      expect(footprint.writes.map((entry) => [entry.path, entry.confidence])).toEqual([
        ['libs/store/src/with-feature.ts', 0.55],
        ['libs/store/spec/with-feature.spec.ts', 0.468],
        ['libs/store/src/index.ts', 0.45],
        // which existing files it edits besides is unknown: still kept apart in its project
        ['libs/store/**', 0.4],
      ]);
      expect(footprint.fallback).toBe(true);
      expect(footprint.writes[2]).toMatchObject({ hotspot: true, reasons: ['exports the new `withFeature`'] });
      expect(footprint.writes[0]!.reasons[0]).toContain('beside with-hooks.ts, with-state.ts');
    });

    it('predicts the same file for a task that uses the new identifier, so the two are kept apart', () => {
      const footprint = predict('fix(store): pass the injector to withFeature');
      expect(footprint.writes[0]).toMatchObject({ path: 'libs/store/src/with-feature.ts', confidence: 0.45 });
      expect(footprint.writes.some((entry) => entry.path.endsWith('index.ts'))).toBe(false);
    });

    it('leaves identifiers alone that are declared, already have a file, or have no look-alike', () => {
      const declared = new Map([['withFeature', [{ file: 'libs/store/src/with-state.ts', kind: 'function' as const, exported: true }]]]);
      expect(predict('feat(store): add `withFeature`', declared).writes.some((entry) => entry.path.endsWith('with-feature.ts'))).toBe(false);
      expect(predict('feat(store): add `withHooks` overload').writes.some((entry) => entry.path.endsWith('with-hooks.ts') && entry.reasons[0]!.startsWith('new file'))).toBe(false);
      expect(predict('feat(store): add `computeTotals`').writes.some((entry) => entry.path.includes('compute-totals'))).toBe(false);
      // an option of something is a key in its file, not a file of its own
      expect(predict('feat(store): [withState] add `withFeature` option').writes.some((entry) => entry.path.endsWith('with-feature.ts'))).toBe(false);
    });

    it('works in a single-package repository, whose project is the root', () => {
      const single = ['package.json', 'src/index.ts', 'src/with-hooks.ts', 'src/with-state.ts', 'test/with-hooks.test.ts'];
      const footprint = predictFootprint({ ...task('add `withFeature`'), project: 'pkg' }, { files: single, projects: [{ name: 'pkg', root: '' }], declarations: new Map() });
      expect(footprint.writes.filter((entry) => !entry.pattern).map((entry) => entry.path)).toEqual(['src/with-feature.ts', 'test/with-feature.test.ts', 'src/index.ts']);
    });

    it('a renamed identifier\'s new file goes beside the old one, with its test beside the old test', () => {
      const withEvents = [...store, 'libs/store/events/src/with-effects.ts', 'libs/store/events/spec/with-effects.spec.ts'];
      const footprint = predictFootprint({ ...task('feat(store): rename withEffects to withEventHandlers'), project: undefined }, { files: withEvents, projects: storeProjects, declarations: new Map() });
      const created = footprint.writes.filter((entry) => entry.creates).map((entry) => entry.path);
      expect(created).toEqual(['libs/store/events/src/with-event-handlers.ts', 'libs/store/events/spec/with-event-handlers.spec.ts']);
      expect(footprint.writes.find((entry) => entry.path === created[0])!.reasons[0]).toContain('renamed from `withEffects`');
    });

    it('a new rule gets each file its look-alikes have: source, docs page, test folder', () => {
      const rules = ['no-any', 'no-input-rename', 'prefer-on-push'].flatMap((rule) => [`libs/lint/src/rules/${rule}.ts`, `libs/lint/docs/rules/${rule}.md`, `libs/lint/tests/rules/${rule}/cases.ts`]);
      const footprint = predictFootprint({ ...task('feat(lint): add rule no-outer-html'), project: undefined }, { files: rules, projects: [{ name: 'lint', root: 'libs/lint' }], declarations: new Map() });
      const created = footprint.writes.filter((entry) => entry.creates);
      expect(created.map((entry) => [entry.path, entry.confidence])).toEqual([
        ['libs/lint/docs/rules/no-outer-html.md', 0.6],
        ['libs/lint/src/rules/no-outer-html.ts', 0.6],
        ['libs/lint/tests/rules/no-outer-html/cases.ts', 0.6],
      ]);
      expect(created[0]!.reasons[0]).toBe('new `no-outer-html`, laid out like 2 of its 2 look-alikes (libs/lint/docs/rules/no-any.md)');
    });

    it('a scope that names an existing rule is about its files, not its test folder alone', () => {
      const rules = ['no-any', 'no-nested-tags'].flatMap((rule) => [`libs/lint/src/rules/${rule}.ts`, `libs/lint/docs/rules/${rule}.md`, `libs/lint/tests/rules/${rule}/cases.ts`]);
      const footprint = predictFootprint({ ...task('docs(no-nested-tags): use backticks for HTML tags'), project: undefined }, { files: rules, projects: [{ name: 'lint', root: 'libs/lint' }], declarations: new Map() });
      const writes = footprint.writes.filter((entry) => entry.confidence >= 0.4).map((entry) => entry.path);
      expect(writes).toEqual(expect.arrayContaining(['libs/lint/docs/rules/no-nested-tags.md', 'libs/lint/src/rules/no-nested-tags.ts']));
      expect(writes.some((entry) => entry.includes('no-any'))).toBe(false);
    });

    it('needs the declarations to know an identifier is new', () => {
      const footprint = predictFootprint({ ...task('feat(store): add `withFeature`'), project: undefined }, { files: store, projects: storeProjects });
      expect(footprint.writes.some((entry) => entry.path.endsWith('with-feature.ts'))).toBe(false);
    });
  });

  describe('tooling tasks', () => {
    const tooling = [
      'jest.config.ts',
      'libs/store/jest.config.ts',
      'libs/store/project.json',
      'libs/store/test-setup.ts',
      'libs/store/tsconfig.spec.json',
      'libs/store/eslint.config.mjs',
      'libs/store/src/store.ts',
      'libs/store/migrations/migration.json',
      'libs/store/migrations/17_0_0/index.ts',
    ];
    const toolingProjects = [{ name: 'store', root: 'libs/store' }];
    const paths = (prompt: string) =>
      predictFootprint({ ...task(prompt), project: undefined }, { files: tooling, projects: toolingProjects })
        .writes.filter((entry) => !entry.pattern && entry.confidence >= 0.4)
        .map((entry) => entry.path)
        .sort();

    it('moving a project between test runners writes its runner configs and targets', () => {
      expect(paths('refactor(store): migrate unit tests from Jest to Vitest')).toEqual(['libs/store/jest.config.ts', 'libs/store/project.json', 'libs/store/test-setup.ts', 'libs/store/tsconfig.spec.json']);
    });

    it('moving to a runner other projects use creates its config, named as theirs', () => {
      const withVitest = [...tooling, 'libs/effects/vite.config.mts', 'libs/router/vite.config.mts', 'vitest.config.ts'];
      const footprint = predictFootprint({ ...task('refactor(store): migrate unit tests to Vitest'), project: undefined }, { files: withVitest, projects: toolingProjects });
      expect(footprint.writes.filter((entry) => entry.creates).map((entry) => entry.path)).toEqual(['libs/store/vite.config.mts']);
      // a project that has its config already keeps it
      const configured = predictFootprint({ ...task('refactor(store): migrate unit tests to Vitest'), project: undefined }, { files: [...withVitest, 'libs/store/vitest.config.ts'], projects: toolingProjects });
      expect(configured.writes.filter((entry) => entry.creates)).toEqual([]);
    });

    it('a task that only mentions a tool writes no config', () => {
      expect(paths('fix(store): report the ESLint rule name in errors')).not.toContain('libs/store/eslint.config.mjs');
    });

    it('with no project, only the workspace root\'s configs', () => {
      expect(paths('test: switch the workspace from Jest to Vitest')).toEqual(['jest.config.ts']);
    });

    it('a project\'s move that removes the tool from the workspace writes the root\'s configs too', () => {
      expect(paths('refactor(store): migrate unit tests to Vitest and remove Jest')).toContain('jest.config.ts');
      expect(paths('refactor(store): migrate unit tests from Jest to Vitest')).not.toContain('jest.config.ts');
    });

    it('a new migration is registered in the project\'s migrations manifest', () => {
      expect(paths('feat(store): add migration for the renamed selector helpers')).toContain('libs/store/migrations/migration.json');
      expect(paths('fix(store): correct the selector helpers')).not.toContain('libs/store/migrations/migration.json');
    });
  });

  it('a word common in the project backs a rarer one in a path, but cannot pick a file alone', () => {
    const versions = ['1_0_0', '2_0_0', '3_0_0', '18_0_0-beta'];
    const migrations = versions.flatMap((version) => [`libs/store/migrations/${version}/index.ts`, `libs/store/migrations/${version}/index.spec.ts`]);
    const storeFiles = [...migrations, 'libs/store/src/store.ts', 'libs/store/src/v18-compat.ts', ...Array.from({ length: 20 }, (_, i) => `libs/store/src/part-${String.fromCharCode(97 + i)}.ts`)];
    const predict = (prompt: string) => predictFootprint({ ...task(prompt), project: undefined }, { files: storeFiles, projects: [{ name: 'store', root: 'libs/store' }] });
    const best = predict('fix(store): fix bugs in migration script to v18').writes.filter((entry) => !entry.pattern && entry.confidence >= 0.4).map((entry) => entry.path);
    expect(best).toEqual(['libs/store/migrations/18_0_0-beta/index.spec.ts', 'libs/store/migrations/18_0_0-beta/index.ts']);
    expect(predict('fix(store): tidy the migration').writes.filter((entry) => !entry.pattern && entry.path.includes('migrations/'))).toEqual([]);
  });

  it('a common word does not choose among the many files a rarer word matches', () => {
    const guides = ['component', 'component-store', 'effects', 'entity', 'router', 'signals'].map((guide) => `apps/www/guide/${guide}/install.md`);
    const components = Array.from({ length: 130 }, (_, i) => `apps/www/src/part-${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}.component.ts`);
    const footprint = predictFootprint({ ...task('docs(www): add install instructions component'), project: undefined }, { files: [...guides, ...components], projects: [{ name: 'www', root: 'apps/www' }] });
    const installPages = footprint.writes.filter((entry) => entry.path.endsWith('install.md'));
    expect(installPages).toHaveLength(6);
    expect(new Set(installPages.map((entry) => entry.confidence)).size).toBe(1);
  });

  it('a file named for a word of the task outranks one that spells it among other words', () => {
    const site = ['apps/www/src/footer.component.ts', 'apps/www/src/guide-footer.component.ts', 'apps/www/src/menu.component.ts', 'apps/www/src/symbol-link.component.ts', 'apps/www/src/guide-link.component.ts'];
    const footprint = predictFootprint({ ...task('docs(www): add links to community footer'), project: undefined }, { files: site, projects: [{ name: 'www', root: 'apps/www' }] });
    const confidence = (path: string) => footprint.writes.find((entry) => entry.path === path)?.confidence ?? 0;
    expect(confidence('apps/www/src/footer.component.ts')).toBeGreaterThan(1.3 * confidence('apps/www/src/guide-footer.component.ts'));
  });

  it('a fix writes a rule and its tests, not the rule\'s docs page or snapshots, unless the task is about them', () => {
    const rule = ['src/rules/no-floating-promises.ts', 'tests/rules/no-floating-promises.test.ts', 'docs/rules/no-floating-promises.mdx', 'tests/schema-snapshots/no-floating-promises.shot'];
    const predict = (prompt: string) =>
      predictFootprint({ ...task(prompt), project: undefined }, { files: rule, projects: [{ name: 'plugin', root: '' }] }).writes.filter((entry) => entry.confidence >= 0.4).map((entry) => entry.path);
    expect(predict('fix(plugin): [no-floating-promises] ignore void expressions')).toEqual(['src/rules/no-floating-promises.ts', 'tests/rules/no-floating-promises.test.ts']);
    expect(predict('feat(plugin): [no-floating-promises] add an option')).toContain('docs/rules/no-floating-promises.mdx');
    expect(predict('test(plugin): [no-floating-promises] format test snippets')).not.toContain('tests/schema-snapshots/no-floating-promises.shot');
    expect(predict('test(plugin): [no-floating-promises] update snapshots')).toContain('tests/schema-snapshots/no-floating-promises.shot');
  });

  it('a routine task writes what its past runs wrote, not files that only spell its words', () => {
    const site = ['README.md', 'www/sponsors/output.ts', 'www/docs/sponsors.mdx', ...Array.from({ length: 30 }, (_, i) => `www/src/page-${i}.ts`)];
    const syncs = Array.from({ length: 4 }, () => ({ subject: 'docs: sponsors sync', files: ['README.md', 'www/sponsors/output.ts'] }));
    const filler = Array.from({ length: 30 }, (_, i) => ({ subject: `fix: page ${i}`, files: [`www/src/page-${i}.ts`] }));
    const writes = (history: typeof syncs) =>
      predictFootprint({ ...task('docs: sponsors sync'), project: undefined }, { files: site, projects: [{ name: 'site', root: '' }], history }).writes.filter((entry) => entry.confidence >= 0.4).map((entry) => entry.path);
    expect(writes([...syncs, ...filler]).sort()).toEqual(['README.md', 'www/sponsors/output.ts']);
    // with two past runs it is no routine yet: the page named for its word stays
    expect(writes([...syncs.slice(0, 2), ...filler])).toContain('www/docs/sponsors.mdx');
  });

  it('a vague task\'s stand-ins come from the folder its words name, when that folder has history', () => {
    const storeFiles = ['libs/store/src/store.ts', 'libs/store/src/select.ts', 'libs/store/events/src/dispatcher.ts', 'libs/store/events/src/events.ts'];
    const history = [
      ...Array.from({ length: 5 }, () => ({ subject: 'fix(store): things', files: ['libs/store/src/store.ts', 'libs/store/src/select.ts'] })),
      ...Array.from({ length: 3 }, () => ({ subject: 'feat(store): more', files: ['libs/store/events/src/dispatcher.ts'] })),
    ];
    const predict = (prompt: string) =>
      predictFootprint({ ...task(prompt), project: undefined }, { files: storeFiles, projects: [{ name: 'store', root: 'libs/store' }], history }).writes.filter((entry) => entry.confidence >= 0.4).map((entry) => entry.path);
    // the stand-in from the folder `events` names, beside the task's own best guess from its words
    expect(predict('feat(store): provide support for scoped events')).toEqual(['libs/store/events/src/dispatcher.ts', 'libs/store/events/src/events.ts']);
    expect(predict('feat(store): provide support for scoped things')).toEqual(['libs/store/src/select.ts', 'libs/store/src/store.ts']);
  });

  it('removing or renaming a name writes the few files that use it, not a widely used one\'s', () => {
    const usages = new Map([
      ['assertUnique', ['libs/payments/src/payment-service.ts', 'apps/api/src/server.ts']],
      ['everywhere', Array.from({ length: 7 }, (_, i) => `apps/api/src/f${i}.ts`)],
    ]);
    const writes = (prompt: string) => predictFootprint(task(prompt), { files, projects, usages }).writes.filter((entry) => entry.confidence >= 0.4 && !entry.pattern).map((entry) => entry.path);
    expect(writes('fix: drop `assertUnique` in production')).toEqual(['apps/api/src/server.ts', 'libs/payments/src/payment-service.ts']);
    expect(writes('refactor: rename `everywhere` to `somewhere`')).toEqual([]);
    expect(writes('fix: keep `assertUnique` in production')).toEqual([]);
    // removing a deprecated name still changes its users; deprecating it does not
    expect(writes('refactor: remove deprecated assertUnique')).toEqual(['apps/api/src/server.ts', 'libs/payments/src/payment-service.ts']);
    expect(writes('refactor: deprecate `assertUnique`')).toEqual([]);
  });

  it('a capitalised word of prose counts only as an exported class, type or function declared in one or two files', () => {
    const declarations = new Map([
      ['Events', [{ file: 'apps/api/src/server.ts', kind: 'class' as const, exported: true }]],
      ['Users', [{ file: 'apps/api/src/routes/users.ts', kind: 'variable' as const, exported: true }]],
    ]);
    const writes = (prompt: string) => predictFootprint(task(prompt), { files, projects, declarations }).writes.filter((entry) => entry.confidence >= 0.4 && !entry.pattern).map((entry) => entry.path);
    expect(writes('feat: provide Events at the platform level')).toEqual(['apps/api/src/server.ts']);
    // `Users` declares nothing that counts: what places the file is only the vague task's guess from its words
    const users = predictFootprint(task('feat: list Users by name'), { files, projects, declarations }).writes.find((entry) => entry.path === 'apps/api/src/routes/users.ts')!;
    expect(users.reasons.some((reason) => reason.startsWith('declares'))).toBe(false);
    expect(users.reasons).toContain('the task\'s best guess: nothing places it (0.34 before)');
  });

  it('in a single-package repository an unscoped task from outside the workspace is about the root project', () => {
    const single = ['package.json', 'src/index.ts', 'src/with-hooks.ts', 'src/with-state.ts', 'src/util/VersionUtils.ts', 'src/util/DateUtils.ts', 'src/util/OrmUtils.ts'];
    const predict = (prompt: string) => predictFootprint({ ...task(prompt), project: undefined }, { files: single, projects: [{ name: 'orm', root: '' }], declarations: new Map() });
    expect(predict('feat: add `withFeature`').writes.filter((entry) => entry.creates).map((entry) => entry.path)).toEqual(['src/with-feature.ts']);
    // a scope that names neither project nor folder may name a file, in another spelling, and counts for its words
    expect(predict('fix(version-utils): compare unequal lengths').writes.find((entry) => entry.path === 'src/util/VersionUtils.ts')!.reasons).toEqual(['file named after `version-utils`', 'its path spells "version", "utils" from the task']);
  });

  it('a scope that names no project names a folder: fix(query-builder) in a single-package repository', () => {
    const single = ['package.json', 'src/query-builder/SelectQueryBuilder.ts', 'src/query-builder/InsertQueryBuilder.ts', 'src/driver/postgres/PostgresDriver.ts', 'test/query-builder/select.test.ts'];
    const footprint = predictFootprint({ ...task('fix(query-builder): keep the alias of a joined relation'), project: undefined }, { files: single, projects: [{ name: 'orm', root: '' }] });
    expect(footprint.writes[0]).toMatchObject({ path: 'src/query-builder/**', pattern: true, reasons: ['nothing more specific: any file of src/query-builder, which the scope names'] });
    expect(footprint.writes.some((entry) => entry.path === 'test/query-builder/**')).toBe(true);
    const nested = predictFootprint({ ...task('fix(driver/postgres): quote enum names'), project: undefined }, { files: single, projects: [{ name: 'orm', root: '' }] });
    expect(nested.writes.map((entry) => entry.path)).toEqual(['src/driver/postgres/**']);
  });

  it('a README, CHANGELOG or LICENSE the task names in capitals is its project\'s, or the workspace root\'s', () => {
    const repo = ['README.md', 'CHANGELOG.md', 'apps/api/README.md', 'apps/api/src/errors.ts', 'apps/api/src/http/README.md', 'libs/payments/README.md', 'libs/payments/src/index.ts'];
    const writes = (prompt: string, project?: string) => predictFootprint({ ...task(prompt), project }, { files: repo, projects }).writes.filter((entry) => entry.confidence >= 0.4).map((entry) => entry.path);
    expect(writes('Document the error format in the README')).toEqual(['README.md']);
    expect(writes('Document the error format in the README.')).toEqual(['README.md']);
    expect(writes('Document the error format in the README', 'api')).toEqual(['apps/api/README.md']);
    expect(writes('fix(payments): typo in the README')).toEqual(['libs/payments/README.md']);
    expect(writes('Add the release notes to the CHANGELOG')).toEqual(['CHANGELOG.md']);
    // a word that only looks like one is not a mention
    expect(writes('Readme generation is slow')).not.toContain('README.md');
  });

  it('a project its prose names by a name of several parts is its scope: "the component-store README"', () => {
    const repo = ['modules/component-store/README.md', 'modules/component-store/src/component-store.ts', 'modules/store/README.md', 'modules/store/src/store.ts', 'modules/eslint-plugin/src/configs/component-store.ts', 'README.md'];
    const stores = [{ name: 'component-store', root: 'modules/component-store' }, { name: 'store', root: 'modules/store' }, { name: 'eslint-plugin', root: 'modules/eslint-plugin' }];
    const writes = (prompt: string, project?: string) => predictFootprint({ ...task(prompt), project }, { files: repo, projects: stores }).writes.filter((entry) => entry.confidence >= 0.4).map((entry) => entry.path);
    expect(writes('fix typo in the component-store README')).toEqual(['modules/component-store/README.md']);
    // a fix that says it is about the docs keeps its docs page, in prose as with a conventional type
    const placed = (prompt: string) => predictFootprint({ ...task(prompt), project: undefined }, { files: repo, projects: stores });
    expect(placed('fix typo in the component-store README').fallback).toBe(false);
    expect(placed('fix(component-store): typo in the README').fallback).toBe(false);
    expect(placed('fix(component-store): typo in the README').writes[0]!.reasons).not.toContain('a documentation page, in a fix task');
    // the name no longer names the files called after it, in this project or another
    expect(writes('fix typo in the component-store README')).not.toContain('modules/eslint-plugin/src/configs/component-store.ts');
    // filed in that project, as `codewaves sprint` files it, the name is still the project's
    expect(writes('fix typo in the component-store README', 'component-store')).toEqual(['modules/component-store/README.md']);
    // filed in another project, the prose names a file, as before
    expect(writes('fix typo in the component-store README', 'store')).toContain('modules/component-store/src/component-store.ts');
    // spaced out as prose writes it, the name is the project's too, and its words name no file
    expect(writes('fix typo in the component store README')).toEqual(['modules/component-store/README.md']);
  });

  it('a docs task that removes a flag keeps the tests that set it', () => {
    const repo = ['modules/signals/src/signal-store.ts', 'modules/signals/spec/helpers.ts', 'modules/signals/spec/signal-store.spec.ts', 'modules/store/spec/a.spec.ts'];
    const monorepo = [{ name: 'signals', root: 'modules/signals' }, { name: 'store', root: 'modules/store' }];
    const usages = new Map([['standalone', ['modules/signals/spec/helpers.ts', ...[1, 2, 3, 4, 5, 6, 7].map((n) => `modules/store/spec/c${n}.spec.ts`)]]]);
    const footprint = predictFootprint({ ...task('docs(signals): remove redundant standalone flag'), project: undefined }, { files: repo, projects: monorepo, declarations: new Map(), usages });
    const helpers = footprint.writes.find((entry) => entry.path === 'modules/signals/spec/helpers.ts')!;
    expect(helpers.confidence).toBeGreaterThanOrEqual(0.4);
    expect(helpers.reasons).toEqual(['uses `standalone`, which the task removes or renames in its project']);
  });

  it('a task that names no project is about the one its names are used in: its users back it, its pattern is that project', () => {
    const workspace = ['packages/toolkit/src/thunks.ts', 'packages/toolkit/src/lifecycle.ts', 'packages/toolkit/src/slice.ts', 'packages/codegen/src/generate.ts', 'website/src/page.tsx'];
    const monorepo = [{ name: 'toolkit', root: 'packages/toolkit' }, { name: 'codegen', root: 'packages/codegen' }, { name: 'website', root: 'website' }];
    const usages = new Map([['transformResponse', ['packages/toolkit/src/thunks.ts', 'packages/toolkit/src/lifecycle.ts', 'website/src/page.tsx']]]);
    const footprint = predictFootprint({ ...task('Only run `transformResponse` when a query is used'), project: undefined }, { files: workspace, projects: monorepo, declarations: new Map(), usages });
    expect(footprint.writes.filter((entry) => entry.reasons.includes('uses `transformResponse`, which the task names')).map((entry) => entry.path)).toEqual([
      'packages/toolkit/src/lifecycle.ts',
      'packages/toolkit/src/thunks.ts',
    ]);
    expect(footprint.writes[0]).toMatchObject({ path: 'packages/toolkit/**', pattern: true, reasons: ["nothing more specific: any file of packages/toolkit, where the task's names and evidence point"] });
    expect(footprint.notes).toEqual(['names no project: taken to be about toolkit (packages/toolkit), where its names and evidence point']);
    // names used in two projects alike place nothing: the task may be anywhere
    const split = new Map([['transformResponse', ['packages/toolkit/src/thunks.ts', 'packages/codegen/src/generate.ts']]]);
    expect(predictFootprint({ ...task('Only run `transformResponse` when a query is used'), project: undefined }, { files: workspace, projects: monorepo, declarations: new Map(), usages: split }).writes[0]!.path).toBe('**');
  });

  it('a task that nothing places stands for the projects its kind of work lands in, not the whole workspace', () => {
    const workspace = ['apps/docs/guide.md', 'apps/docs/about.md', 'libs/store/src/store.ts', 'libs/effects/src/effects.ts'];
    const monorepo = [{ name: 'docs', root: 'apps/docs' }, { name: 'store', root: 'libs/store' }, { name: 'effects', root: 'libs/effects' }];
    const history = [
      ...Array.from({ length: 9 }, (_, i) => ({ subject: `docs: update the guide, part ${i}`, files: ['apps/docs/guide.md'] })),
      ...Array.from({ length: 3 }, (_, i) => ({ subject: `chore: tidy ${i}`, files: [`libs/${i % 2 === 0 ? 'store' : 'effects'}/src/x.ts`] })),
    ];
    const predict = (prompt: string) => predictFootprint({ ...task(prompt), project: undefined }, { files: workspace, projects: monorepo, history });
    expect(predict('docs: add Jane Doe as a collaborator').writes).toEqual([
      { path: 'apps/docs/**', pattern: true, confidence: 0.4, reasons: ['nothing more specific: any file of apps/docs, where recent `docs:` commits landed'] },
    ]);
    // a kind of work with too little history of its own, or none, still stands for the workspace
    expect(predict('chore: add Jane Doe as a collaborator').writes[0]!.path).toBe('**');
    expect(predict('add Jane Doe as a collaborator').writes[0]!.path).toBe('**');
    // untyped work lands where untyped commits did, and the reason says so in words
    const untyped = Array.from({ length: 9 }, (_, i) => ({ subject: `Update the guide, part ${i}`, files: ['apps/docs/guide.md'] }));
    expect(predictFootprint({ ...task('add Jane Doe as a collaborator'), project: undefined }, { files: workspace, projects: monorepo, history: untyped }).writes[0]).toMatchObject({
      path: 'apps/docs/**',
      reasons: ['nothing more specific: any file of apps/docs, where recent commits with no conventional type landed'],
    });
  });

  it('an area of its project that the task names keeps it apart at the guard, and adds no path', () => {
    const workspace = ['libs/signals/src/store.ts', 'libs/signals/events/src/dispatcher.ts', 'libs/signals/events/src/with-effects.ts', 'libs/signals/entities/src/entities.ts'];
    const footprint = predictFootprint({ ...task('feat(signals): provide support for scoped events'), project: undefined }, { files: workspace, projects: [{ name: 'signals', root: 'libs/signals' }, ...projects] });
    expect(footprint.writes.find((entry) => entry.path === 'libs/signals/events/**')).toMatchObject({ pattern: true, confidence: 0.3 });
    expect(predictedPaths(footprint)).not.toContain('libs/signals/events/**');
    // a task that says which files it writes is not given an area on top of them
    const stated = predictFootprint({ ...task('feat(signals): provide support for scoped events', ['libs/signals/events/src/dispatcher.ts']), project: undefined }, { files: workspace, projects: [{ name: 'signals', root: 'libs/signals' }, ...projects] });
    expect(stated.writes.some((entry) => entry.path === 'libs/signals/events/**')).toBe(false);
    const written = predictFootprint({ ...task('feat(signals): scoped events in libs/signals/events/src/dispatcher.ts'), project: undefined }, { files: workspace, projects: [{ name: 'signals', root: 'libs/signals' }, ...projects] });
    expect(written.writes.some((entry) => entry.path === 'libs/signals/events/**')).toBe(false);
  });

  it('a task about a project\'s tests that names none is kept apart from any task writing one, and adds no path', () => {
    const repo = ['modules/lint/src/rules/no-any.ts', 'modules/lint/spec/rules/no-any.spec.ts', 'modules/lint/spec/rules/no-eval.spec.ts', 'modules/lint/test-setup.ts', 'modules/core/src/index.ts'];
    const lint = [{ name: 'lint', root: 'modules/lint' }, { name: 'core', root: 'modules/core' }];
    const footprint = (prompt: string) => predictFootprint({ ...task(prompt), project: undefined }, { files: repo, projects: lint });
    const typo = footprint('chore(lint): fix typo in test');
    expect(typo.writes.filter((entry) => entry.pattern && entry.confidence >= 0.3).map((entry) => entry.path)).toEqual(['modules/lint/spec/**']);
    expect(predictedPaths(typo)).not.toContain('modules/lint/spec/rules/no-any.spec.ts');
    // a task that names its test has said which one
    expect(footprint('test(lint): fix the no-any test').writes.filter((entry) => entry.pattern).map((entry) => entry.path)).toEqual([]);
    expect(footprint('fix(lint): no-any misses casts').writes.filter((entry) => entry.pattern).map((entry) => entry.path)).toEqual([]);
  });

  it('a file named like a barrel that declares a name the task writes places the work', () => {
    const workspace = ['packages/upgrade/src/bin/index.ts', 'packages/upgrade/src/bin/run.ts', 'packages/server/src/http.ts'];
    const monorepo = [{ name: 'upgrade', root: 'packages/upgrade' }, { name: 'server', root: 'packages/server' }];
    const declarations = new Map([['commitedFiles', [{ file: 'packages/upgrade/src/bin/index.ts', kind: 'variable' as const, exported: false }]]]);
    const footprint = predictFootprint({ ...task("fix: correct typo 'commitedFiles'"), project: undefined }, { files: workspace, projects: monorepo, declarations });
    expect(footprint.fallback).toBe(false);
    expect(footprint.writes.map((entry) => entry.path)).toEqual(['packages/upgrade/src/bin/index.ts']);
  });
});
