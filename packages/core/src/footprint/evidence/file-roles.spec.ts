import { isDocsPage, isGeneratedOutput, isUnspellable } from './file-roles';

describe('file roles', () => {
  it('knows snapshots and generated modules from hand-written files', () => {
    for (const file of ['tests/schema-snapshots/return-await.shot', 'src/__snapshots__/index.spec.ts.snap', 'test/core/serverSentEvents.gen.ts', 'src/api.generated.ts']) expect(isGeneratedOutput(file)).toBe(true);
    for (const file of ['src/generator.ts', 'tests/rules/return-await.test.ts', 'src/snapshot.ts']) expect(isGeneratedOutput(file)).toBe(false);
  });

  it('knows documentation pages', () => {
    expect(isDocsPage('docs/rules/no-shadow.mdx')).toBe(true);
    expect(isDocsPage('README.md')).toBe(true);
    expect(isDocsPage('src/markdown.ts')).toBe(false);
  });

  it('no word spells a dotfile or a binary asset', () => {
    for (const file of ['www/sponsors/.gitignore', 'static/img/logo-text-white.svg', 'media/logo.PNG', 'fonts/inter.woff2']) expect(isUnspellable(file)).toBe(true);
    for (const file of ['www/sponsors/script.pull.ts', '.github/workflows/ci.yml', 'src/svg-icon.tsx']) expect(isUnspellable(file)).toBe(false);
  });
});
