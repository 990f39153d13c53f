import { namedFolders, numbersIn } from './named-folders';

const files = [
  'test/github-issues/174/issue-174.test.ts',
  'test/github-issues/174/entity/Contact.ts',
  'test/github-issues/175/issue-175.test.ts',
  'test/functional/json/basic-jsonb/postgres/jsonb.test.ts',
  'test/functional/json/basic-jsonb/postgres/entity/Record.ts',
  'test/functional/embedded/listeners/listeners.test.ts',
  'test/functional/embedded/many/many.test.ts',
  'test/functional/parameters/date-parameters.test.ts',
  'src/embedded/Embedded.ts',
  'migrations/18/index.ts',
  'fixtures/18/data.json',
];
const scores = (text: string, paths: string[] = []) => Object.fromEntries(namedFolders(text, paths, files).map((candidate) => [candidate.path, candidate.score]));

describe('namedFolders', () => {
  it('reads numbers, not versions, pull requests or quantities', () => {
    expect(numbersIn('move test 174, github-issue-204 (#4584) to v18, TS 5.4, 50%')).toEqual(['174', '204']);
  });

  it('a number that names one folder names all of it when the task moves or removes it', () => {
    expect(scores('remove duplicate test 174')).toEqual({ 'test/github-issues/174/issue-174.test.ts': 0.6, 'test/github-issues/174/entity/Contact.ts': 0.6 });
  });

  it('other work in a numbered folder is about its tests', () => {
    const other = scores('fix flaky test 174');
    expect(other['test/github-issues/174/issue-174.test.ts']).toBe(0.6);
    expect(other['test/github-issues/174/entity/Contact.ts']).toBeLessThan(0.4);
  });

  it('a number found in two folders names neither', () => {
    expect(scores('remove fixture 18')).toEqual({});
  });

  it('a folder path in the prompt backs the tests inside it', () => {
    const into = scores('merge it into json/basic-jsonb', ['json/basic-jsonb']);
    expect(into['test/functional/json/basic-jsonb/postgres/jsonb.test.ts']).toBeGreaterThanOrEqual(0.4);
    expect(into['test/functional/json/basic-jsonb/postgres/entity/Record.ts']).toBeLessThan(0.4);
  });

  it('a new folder gets a test laid out like its siblings', () => {
    expect(namedFolders('move it to embedded/order', ['embedded/order'], files).map((candidate) => candidate.path)).toEqual(['test/functional/embedded/order/order.test.ts']);
    expect(namedFolders('move it to parameters/spread', ['parameters/spread'], files).map((candidate) => candidate.path)).toEqual(['test/functional/parameters/spread.test.ts']);
  });

  it('two words that name sibling folders are alternatives, not a path', () => {
    const counters = ['test/functional/repository/increment/repository-increment.test.ts', 'test/functional/repository/decrement/repository-decrement.test.ts', 'test/functional/repository/decrement/entity/Post.ts', 'src/other/increment.ts'];
    const both = namedFolders('validate where criteria in increment/decrement', ['increment/decrement'], counters);
    expect(both.filter((candidate) => candidate.score >= 0.4).map((candidate) => candidate.path)).toEqual([counters[0], counters[1]]);
    expect(both.some((candidate) => candidate.creates)).toBe(false);
    // folders that are not siblings stay a new path
    const apart = [...counters.slice(0, 1), 'test/other/decrement/decrement.test.ts'];
    expect(namedFolders('x in increment/decrement', ['increment/decrement'], apart).filter((candidate) => !candidate.creates)).toEqual([]);
  });
});
