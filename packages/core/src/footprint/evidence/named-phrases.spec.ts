import { namedPhrases } from './named-phrases';

describe('namedPhrases', () => {
  const stems = new Map([
    ['soft-delete-query-builder', ['src/query-builder/SoftDeleteQueryBuilder.ts']],
    ['join-column', ['src/decorator/JoinColumn.ts']],
    ['index-page', ['a/index.page.ts', 'b/index.page.ts', 'c/index.page.ts', 'd/index.page.ts']],
  ]);
  const scores = (phrases: string[]) => Object.fromEntries(namedPhrases(phrases, stems).map((candidate) => [candidate.path, candidate.score]));

  it('three words name a file; two only back other evidence', () => {
    expect(scores(['soft-delete-query-builder'])['src/query-builder/SoftDeleteQueryBuilder.ts']).toBeGreaterThanOrEqual(0.4);
    expect(scores(['join-column'])['src/decorator/JoinColumn.ts']).toBeLessThan(0.4);
  });

  it('a phrase many files bear names none', () => {
    expect(scores(['index-page'])).toEqual({});
  });
});
