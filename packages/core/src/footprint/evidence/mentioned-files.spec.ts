import { mentionedFiles } from './mentioned-files';

describe('mentionedFiles', () => {
  const scoreOf = (identifier: string, named: string[]) => {
    const stems = new Map([[identifier, named]]);
    return mentionedFiles([], [identifier], named, stems, undefined).map((candidate) => candidate.score);
  };

  it('several files bearing a short name are rival guesses', () => {
    const [first] = scoreOf('select', ['a/select.ts', 'b/select.ts']);
    expect(first).toBeLessThan(0.45);
  });

  it('files bearing a long name are parts of one thing, each named in full', () => {
    expect(scoreOf('no-multiple-actions-in-effects', ['src/rules/no-multiple-actions-in-effects.ts', 'docs/rules/no-multiple-actions-in-effects.md'])).toEqual([0.6, 0.6]);
  });
});
