import { pathWords } from './path-words';

describe('pathWords', () => {
  const filler = Array.from({ length: 40 }, (_, i) => `src/module-${i}/index.ts`);
  const score = (words: string[], files: string[], path: string) => pathWords(words, [...files, ...filler], []).find((candidate) => candidate.path === path)?.score ?? 0;

  it('a file or a folder named for the task\'s word is about it', () => {
    const files = ['src/footer.component.ts', 'www/sponsors/script.pull.ts'];
    expect(score(['footer'], files, 'src/footer.component.ts')).toBeGreaterThanOrEqual(0.4);
    expect(score(['sponsors'], files, 'www/sponsors/script.pull.ts')).toBeGreaterThanOrEqual(0.4);
  });

  it('one word that a file only spells among others is a weak sign', () => {
    const files = ['rules/no-unused-vars.ts', 'docs/symbol-link.component.ts'];
    expect(score(['remove', 'unused', 'dependencies'], files, 'rules/no-unused-vars.ts')).toBeLessThan(0.4);
    expect(score(['support', 'link'], files, 'docs/symbol-link.component.ts')).toBeLessThan(0.4);
  });

  it('two of the task\'s words in a path back each other', () => {
    expect(score(['state', 'arrays', 'root'], ['rules/with-state-no-arrays-at-root-level.ts'], 'rules/with-state-no-arrays-at-root-level.ts')).toBeGreaterThanOrEqual(0.4);
  });

  it('never offers a dotfile or an image for a word', () => {
    const files = ['www/sponsors/.gitignore', 'www/sponsors/logo.svg', 'www/sponsors/script.pull.ts'];
    expect(pathWords(['sponsors'], [...files, ...filler], []).map((candidate) => candidate.path)).toEqual(['www/sponsors/script.pull.ts']);
  });
});
