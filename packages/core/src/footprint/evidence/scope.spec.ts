import { projectNamedBy, projectsForScopes, projectsNamedInProse, thingNamed } from './scope';

describe('projectsForScopes', () => {
  const projects = [
    { name: '@trpc/upgrade', root: 'packages/upgrade' },
    { name: '@trpc/server', root: 'packages/server' },
    { name: 'www', root: 'www' },
  ];
  const files = ['packages/upgrade/src/lib/git.ts', 'packages/server/src/index.ts', 'packages/server/src/adapters/ws.ts', 'www/docs/intro.md'];

  it('a scope names a project by its name, the last part of a scoped name, or its folder', () => {
    expect(projectsForScopes(['@trpc/upgrade'], projects, files)).toEqual(['packages/upgrade']);
    expect(projectsForScopes(['server'], projects, files)).toEqual(['packages/server']);
    expect(projectsForScopes(['www'], projects, files)).toEqual(['www']);
  });

  it('a nested scope names the sub-folder, and a scope that names no project names a folder', () => {
    expect(projectsForScopes(['server/src'], projects, files)).toEqual(['packages/server/src']);
    expect(projectsForScopes(['server/missing'], projects, files)).toEqual(['packages/server']);
    expect(projectsForScopes(['adapters'], projects, files)).toEqual(['packages/server/src/adapters']);
  });

  it('a scope that names a thing by its files, besides its test folder, names the project that holds them', () => {
    const rules = [
      ...files,
      'packages/server/src/rules/no-nested-tags.ts',
      'packages/server/docs/rules/no-nested-tags.md',
      'packages/server/tests/rules/no-nested-tags/cases.ts',
      'packages/server/src/find-options/FindOptions.ts',
      'packages/server/docs/find-options.md',
    ];
    expect(projectsForScopes(['no-nested-tags'], projects, rules)).toEqual(['packages/server']);
    expect(thingNamed('no-nested-tags', rules)).toEqual(['packages/server/src/rules/no-nested-tags.ts', 'packages/server/docs/rules/no-nested-tags.md']);
    // a source folder of that name is what the scope is about, whatever else bears the name
    expect(projectsForScopes(['find-options'], projects, rules)).toEqual(['packages/server/src/find-options']);
    expect(thingNamed('find-options', rules)).toEqual([]);
  });
});

describe('projectNamedBy', () => {
  const projects = [
    { name: '@rtk-query/codegen-openapi', root: 'packages/rtk-query-codegen-openapi' },
    { name: '@rtk-query/graphql-request-base-query', root: 'packages/rtk-query-graphql-request-base-query' },
    { name: '@reduxjs/toolkit', root: 'packages/toolkit' },
    { name: 'website', root: 'website' },
  ];

  it('names a project by its name, its last segment, its folder, or a word only its name has', () => {
    expect(projectNamedBy('website', projects)).toBe('website');
    expect(projectNamedBy('graphql-request-base-query', projects)).toBe('packages/rtk-query-graphql-request-base-query');
    expect(projectNamedBy('codegen', projects)).toBe('packages/rtk-query-codegen-openapi');
  });

  it('names none for a word two projects share, or none has: it never falls back to a folder', () => {
    expect(projectNamedBy('query', projects)).toBeUndefined();
    expect(projectNamedBy('note', projects)).toBeUndefined();
  });
});

describe('projectsNamedInProse', () => {
  const projects = [
    { name: 'component-store', root: 'modules/component-store' },
    { name: 'store', root: 'modules/store' },
    { name: '@pinia/nuxt', root: 'packages/nuxt' },
    { name: '@rtk-query/graphql-request-base-query', root: 'packages/rtk-query-graphql-request-base-query' },
    { name: 'eslint-plugin', root: 'packages/eslint-plugin' },
    { name: 'eslint-plugin-template', root: 'packages/eslint-plugin-template' },
    { name: 'integration-tests', root: 'packages/integration-tests' },
    { name: 'root', root: '' },
  ];

  it('names a project by a name of several parts, written anywhere in the text', () => {
    expect(projectsNamedInProse('fix typo in the component-store README', projects)).toEqual(['component-store']);
    expect(projectsNamedInProse('Add storeToRefs to the auto imports in @pinia/nuxt', projects)).toEqual(['@pinia/nuxt']);
    expect(projectsNamedInProse('graphql error customization in graphql-request-base-query', projects)).toEqual(['graphql-request-base-query']);
    expect(projectsNamedInProse('Add prepareHeader to graphqlrequestbasequery', projects)).toEqual(['graphql-request-base-query']);
    expect(projectsNamedInProse('move the rule from eslint-plugin to eslint-plugin-template', projects)).toEqual(['eslint-plugin', 'eslint-plugin-template']);
    // spaced out as prose writes it, where "the" points at it
    expect(projectsNamedInProse('Document how to use the component store with forms', projects)).toEqual(['component-store']);
    expect(projectsNamedInProse("fix the component store's README", projects)).toEqual(['component-store']);
    expect(projectsNamedInProse('a component store for forms', projects)).toEqual([]);
    expect(projectsNamedInProse('add the integration tests for the parser', projects)).toEqual([]);
    expect(projectsNamedInProse('fix the eslint plugin template processor', projects)).toEqual(['eslint-plugin-template']);
  });

  it('names none by a one-word name, which prose uses for other things, or inside a longer name', () => {
    expect(projectsNamedInProse('the store should keep its state', projects)).toEqual([]);
    expect(projectsNamedInProse("fix the store package's typing", projects)).toEqual(['store']);
    expect(projectsNamedInProse('move the helper to the nuxt library', projects)).toEqual(['nuxt']);
    expect(projectsNamedInProse('The nuxt module should auto-import `defineStore`', projects)).toEqual(['nuxt']);
    expect(projectsNamedInProse('Convert the store tests from jest to vitest', projects)).toEqual(['store']);
    expect(projectsNamedInProse("fix a typo in the store's README", projects)).toEqual(['store']);
    expect(projectsNamedInProse('store tests are slow', projects)).toEqual([]);
    expect(projectsNamedInProse('pinia nuxt integration', projects)).toEqual([]);
    expect(projectsNamedInProse('rename component-store-utils', projects)).toEqual([]);
  });

  it('a list of more than three packages names none of them', () => {
    const many = ['a-one', 'b-two', 'c-three', 'd-four'].map((name) => ({ name, root: `packages/${name}` }));
    expect(projectsNamedInProse('bump rxjs in a-one, b-two, c-three and d-four', many)).toEqual([]);
    expect(projectsNamedInProse('bump rxjs in a-one, b-two and c-three', many)).toEqual(['a-one', 'b-two', 'c-three']);
  });
});
