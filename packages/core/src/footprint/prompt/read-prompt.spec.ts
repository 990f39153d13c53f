import { commitKind, readPrompt } from './read-prompt';

describe('a prose title\'s kind of work', () => {
  it('is read from its first verb, as a conventional type would say it', () => {
    expect(readPrompt('Fix the footer links on mobile').type).toBe('fix');
    expect(readPrompt('Document the websocket options').type).toBe('docs');
    expect(readPrompt('Add unit tests for upsertMany').type).toBe('test');
    expect(readPrompt('Refactor the cache lifecycle').type).toBe('refactor');
    expect(readPrompt('Task\n# Task\n\nFix the footer links').type).toBe('fix');
  });

  it('is none for other verbs, and a conventional type wins', () => {
    expect(readPrompt('Add a maxItems option').type).toBeUndefined();
    expect(readPrompt('Fixture loading is slow').type).toBeUndefined();
    expect(readPrompt('feat: fix-up the footer').type).toBe('feat');
    expect(commitKind('Fix the footer links')).toEqual({ type: 'fix', scoped: false });
    expect(commitKind('Update Immer to v11')).toEqual({ type: undefined, scoped: false });
  });
});

describe('readPrompt', () => {
  it('reads the conventional-commit type and scopes, with the common misspellings of the type', () => {
    expect(readPrompt('fix(store, effects): keep order')).toMatchObject({ type: 'fix', scopes: ['store', 'effects'] });
    expect(readPrompt('chore(`@trpc/upgrade`): flaky test improvement')).toMatchObject({ type: 'chore', scopes: ['@trpc/upgrade'] });
    expect(readPrompt('@trpc/upgrade: fix error when running git check-ignore')).toMatchObject({ type: undefined, scopes: ['@trpc/upgrade'], words: expect.not.arrayContaining(['trpc']) });
    // a word before the title's colon that is no commit type may name the project
    expect(readPrompt('Codegen: better handling of duplicate param names')).toMatchObject({ type: undefined, scopes: [], subject: 'codegen' });
    expect(readPrompt('graphql-request-base-query: bump graphql-request')).toMatchObject({ subject: 'graphql-request-base-query' });
    expect(readPrompt('docs: fix an example').subject).toBeUndefined();
    expect(readPrompt('dx(runtime-core): warn on overrides').subject).toBeUndefined();
    expect(readPrompt('t3\nCodegen: better handling of duplicate param names').subject).toBe('codegen');
    expect(readPrompt('Make login faster\nWhy it matters\n\nContext: the login page').subject).toBeUndefined();
    // a title repeated as the body's heading counts once
    expect(readPrompt('Task\n# Task\n\nCodegen: better handling of duplicate param names').subject).toBe('codegen');
    expect(readPrompt('tests: fix migration tests on Windows').type).toBe('test');
    expect(readPrompt('doc: typo').type).toBe('docs');
    expect(readPrompt('# Task\nperf(router): faster matching').type).toBe('perf');
  });

  it('reads a product spelled in camel case as prose, unless it is in backticks', () => {
    expect(readPrompt('ci: use GitHub app to generate token for release').identifiers).toEqual([]);
    expect(readPrompt('fix: support TypeScript 5.4 in `createSelector`').identifiers).toEqual(['createSelector']);
    expect(readPrompt('fix: rename the `GitHub` provider').identifiers).toEqual(['GitHub']);
  });

  it('reads a keyword in backticks as syntax, not a name', () => {
    expect(readPrompt('The template parser crashes on `@let` declarations inside `@for` blocks').identifiers).toEqual([]);
    expect(readPrompt('fix: `new Store()` without `providers`').identifiers).toEqual(['Store', 'providers']);
  });

  it('names the identifiers a task removes, drops, renames or inlines', () => {
    expect(readPrompt('fix(signals): drop `assertInInjectionContext` in production').removes).toEqual(['assertInInjectionContext']);
    expect(readPrompt('feat: rename withEffects to withEventHandlers').removes).toEqual(['withEffects']);
    expect(readPrompt('refactor(QueryRunner): remove deprecated loadedTables and loadedViews').removes).toEqual(['loadedTables', 'loadedViews']);
    expect(readPrompt('chore!: remove dead skipNulls option from getEntityValueMap').removes).toEqual(['skipNulls']);
    expect(readPrompt('feat: rename `withEffects` to `withEventHandlers`').renames).toEqual(new Map([['withEventHandlers', 'withEffects']]));
    // prose after the verb is not a name
    expect(readPrompt('refactor: remove the options parameter').removes).toEqual([]);
    // a plain word the sentence calls a flag or an option is a property
    expect(readPrompt('docs(signals): remove redundant standalone flag').removes).toEqual(['standalone']);
    expect(readPrompt('chore: drop the legacy debug option').removes).toEqual(['debug']);
    expect(readPrompt('refactor: remove all flags').removes).toEqual([]);
    expect(readPrompt('fix: remove the header from the page').removes).toEqual([]);
  });

  it('names what a task moves off, "deprecated" or not, and reads SCREAMING_CASE constants as code', () => {
    expect(readPrompt('refactor(store): replace deprecated ENVIRONMENT_INITIALIZER')).toMatchObject({ replaces: ['ENVIRONMENT_INITIALIZER'], removes: [] });
    expect(readPrompt('fix(component): use setTimeout instead of requestAnimationFrame in SSR mode').replaces).toEqual(['requestAnimationFrame']);
    expect(readPrompt('refactor: replace uses of `legacyFetch` with the client').replaces).toEqual(['legacyFetch']);
    expect(readPrompt('docs: replace the outdated screenshot').replaces).toEqual([]);
    expect(readPrompt('fix: read MAX_RETRIES from the env').identifiers).toContain('MAX_RETRIES');
    // a file the prompt names by file name is that file, not everything its stem names
    expect(readPrompt('chore: switch to hand-written cases in dot-notation.test.ts').identifiers).not.toContain('dot-notation');
    expect(readPrompt('chore: fix `eslint-plugin/no-dynamic-tests` violations').identifiers).toContain('no-dynamic-tests');
  });

  it('spells runs of plain words as file names, alternatives and plurals included', () => {
    const { phrases } = readPrompt('fix(security): validate limit() in Update/SoftDelete query builders');
    expect(phrases).toEqual(expect.arrayContaining(['update-query-builder', 'soft-delete-query-builder', 'query-builder']));
    expect(readPrompt('fix: preserve devDependencies needed by the init command').phrases).toEqual(['init-command']);
    // Joining words break a run: "needed by" is no name.
    expect(readPrompt('fix: needed by init').phrases).toEqual([]);
  });

  it('names the test runner a task moves the tests to', () => {
    expect(readPrompt('refactor(effects): migrate unit tests to Vitest').runnerSwitch).toBe('vitest');
    expect(readPrompt('test: switch from Karma to Jest').runnerSwitch).toBe('jest');
    expect(readPrompt('test(store): add vitest type tests').runnerSwitch).toBeUndefined();
  });

  it('keeps capitalised words inside a sentence apart from identifiers, and skips sentence starts', () => {
    const facts = readPrompt('feat(signals): Provide Dispatcher and Events at the platform level. Works with SignalStore');
    expect(facts.capitalized).toEqual(['Dispatcher', 'Events']);
    expect(facts.identifiers).toContain('SignalStore');
    expect(readPrompt('refactor(accounts): use the logger\nUpdate the callers\n- Add a test, Other places').capitalized).toEqual(['Other']);
  });
});
