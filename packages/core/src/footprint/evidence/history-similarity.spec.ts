import { words } from '../prompt/read-prompt';
import { historySimilarity, routineFiles } from './history-similarity';

describe('historySimilarity', () => {
  const filler = Array.from({ length: 30 }, (_, i) => ({ subject: `chore: unrelated change number ${i}`, files: [`other/f${i}.ts`] }));
  const existing = new Set(['src/dispatcher.ts', 'src/queue.ts', 'src/reducer.ts', ...filler.flatMap((commit) => commit.files)]);
  const score = (words: string[], history: Array<{ subject: string; files: string[] }>, path: string) =>
    historySimilarity(words, history, existing).find((candidate) => candidate.path === path)?.score ?? 0;

  it('places the files that several commits much like the task changed', () => {
    const alike = Array.from({ length: 4 }, () => ({ subject: 'fix(events): dispatch events in order', files: ['src/dispatcher.ts'] }));
    expect(score(['dispatch', 'events', 'order'], [...alike, ...filler], 'src/dispatcher.ts')).toBeGreaterThanOrEqual(0.4);
  });

  it('a lone commit that shares one word with the task is a weak sign, however alone it is', () => {
    const lone = { subject: 'docs(www): fix alert styling', files: ['src/dispatcher.ts'] };
    expect(score(['update', 'pre', 'tag', 'styling'], [lone, ...filler], 'src/dispatcher.ts')).toBeLessThan(0.4);
  });

  it('counts a commit that changed many files for less on each of them', () => {
    const wide = { subject: 'fix(events): dispatch events in order', files: ['src/dispatcher.ts', 'src/queue.ts', 'src/reducer.ts', ...filler.slice(0, 9).flatMap((commit) => commit.files)] };
    const narrow = { subject: 'fix(events): dispatch events in order', files: ['src/dispatcher.ts'] };
    expect(score(['dispatch', 'events', 'order'], [wide, narrow, ...filler], 'src/dispatcher.ts')).toBeGreaterThan(2 * score(['dispatch', 'events', 'order'], [wide, narrow, ...filler], 'src/queue.ts'));
  });

  it('a task worded like three or more past commits that returned to the same files is a routine', () => {
    const syncs = ['docs: sponsors sync', 'docs: sync sponsors', 'docs: sponsor sync'].map((subject, i) => ({ subject, files: ['README.md', 'www/sponsors/output.ts', ...(i === 0 ? ['www/sponsors/pull.ts'] : [])] }));
    expect(routineFiles(words('docs: sponsors sync'), [...syncs, ...filler])).toEqual({ files: new Set(['README.md', 'www/sponsors/output.ts', 'www/sponsors/pull.ts']), commits: 3 });
    expect(routineFiles(words('docs: sponsors sync'), [...syncs.slice(0, 2), ...filler])).toBeUndefined();
  });

  it('commits alike in wording that each changed other files are a kind of task, not a routine', () => {
    const removals = [176, 182, 190].map((issue) => ({ subject: 'test: remove duplicate tests', files: [`test/github-issues/${issue}/issue-${issue}.test.ts`] }));
    expect(routineFiles(words('test: remove duplicate tests'), [...removals, ...filler])).toBeUndefined();
    const sameFile = removals.map((commit) => ({ ...commit, files: [...commit.files, 'test/github-issues/index.ts'] }));
    expect(routineFiles(words('test: remove duplicate tests'), [...sameFile, ...filler])?.commits).toBe(3);
  });
});

