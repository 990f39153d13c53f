import { bumpedPackages, droppedPackages, spellsPackage } from './dependency-bumps';

describe('bumpedPackages', () => {
  it('reads the package a task updates, however the title words it', () => {
    expect(bumpedPackages('Update Immer to v11 for better update performance')).toEqual(['immer']);
    expect(bumpedPackages('chore(website): upgrade docusaurus to 3.10.2')).toEqual(['docusaurus']);
    expect(bumpedPackages('Update Immer dep to 10.2 and disable strict iteration')).toEqual(['immer']);
    expect(bumpedPackages('Chakra UI Updated from v1.0.0 to v2.10.7 to support after react18^')).toEqual(['chakraui']);
    expect(bumpedPackages('graphql-request-base-query: bump graphql-request, add AbortSignal support')).toEqual(['graphqlrequest']);
    expect(bumpedPackages('Upgrade to Immer 2 (#132)')).toEqual(['immer']);
    expect(bumpedPackages('chore: migrate to React 19')).toEqual(['react']);
  });

  it('reads nothing from an update that is no version change', () => {
    expect(bumpedPackages('update the fetch adapter to remove old code')).toEqual([]);
    expect(bumpedPackages('fix: update deprecation notices for selectors')).toEqual([]);
    expect(bumpedPackages('chore: bump dependencies')).toEqual([]);
  });
});

describe('droppedPackages', () => {
  it('reads the package a task removes, where the sentence ends on it or calls it a dependency', () => {
    expect(droppedPackages('test: migrate standalone-app from Jest to Vitest and remove Jest')).toEqual(['jest']);
    expect(droppedPackages('test: migrate Jasmine tests to Vitest and remove Jasmine deps')).toEqual(['jasmine']);
    expect(droppedPackages('build(gulp): remove gulpclass dependency and modernize build pipeline')).toEqual(['gulpclass']);
    expect(droppedPackages('test: remove axios')).toEqual(['axios']);
  });

  it('reads nothing from prose that removes something else', () => {
    expect(droppedPackages('docs(signals): remove redundant standalone flag')).toEqual([]);
    expect(droppedPackages('chore: remove unused dependencies')).toEqual([]);
    expect(droppedPackages('feat(effects): remove concatLatestFrom operator')).toEqual([]);
  });
});

describe('spellsPackage', () => {
  it('matches a dependency by its whole name, its scope or its last part', () => {
    expect(spellsPackage('@chakra-ui/react', 'chakraui')).toBe(true);
    expect(spellsPackage('@docusaurus/core', 'docusaurus')).toBe(true);
    expect(spellsPackage('immer', 'immer')).toBe(true);
    expect(spellsPackage('use-immer', 'immer')).toBe(false);
    expect(spellsPackage('graphql-request', 'graphqlrequest')).toBe(true);
  });
});
