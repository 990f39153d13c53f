import { historySimilarity } from './history-similarity';

describe('historySimilarity', () => {
  const filler = Array.from({ length: 30 }, (_, i) => ({ subject: `chore: unrelated change number ${i}`, files: [`other/f${i}.ts`] }));
  const existing = new Set(['src/dispatcher.ts', 'src/queue.ts', 'src/reducer.ts', ...filler.flatMap((commit) => commit.files)]);
  const score = (words: string[], history: Array<{ subject: string; files: string[] }>, path: string) =>
    historySimilarity(words, history, existing).find((candidate) => candidate.path === path)?.score ?? 0;

  it('places the files that several commits much like the task changed', () => {
    const alike = Array.from({ length: 4 }, () => ({ subject: 'fix(events): dispatch events in order', files: ['src/dispatcher.ts'] }));
    expect(score(['dispatch', 'events', 'order'], [...alike, ...filler], 'src/dispatcher.ts')).toBeGreaterThanOrEqual(0.4);
  });

  it('counts a commit that changed many files for less on each of them', () => {
    const wide = { subject: 'fix(events): dispatch events in order', files: ['src/dispatcher.ts', 'src/queue.ts', 'src/reducer.ts', ...filler.slice(0, 9).flatMap((commit) => commit.files)] };
    const narrow = { subject: 'fix(events): dispatch events in order', files: ['src/dispatcher.ts'] };
    expect(score(['dispatch', 'events', 'order'], [wide, narrow, ...filler], 'src/dispatcher.ts')).toBeGreaterThan(2 * score(['dispatch', 'events', 'order'], [wide, narrow, ...filler], 'src/queue.ts'));
  });
});
