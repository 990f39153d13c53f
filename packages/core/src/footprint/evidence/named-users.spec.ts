import { namedUsers } from './named-users';

describe('namedUsers', () => {
  const usages = new Map([
    ['normalize', ['src/driver/pg.ts', 'src/driver/mysql.ts', 'src/driver/index.ts', 'test/driver.spec.ts']],
    ['everywhere', ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts']],
    ['elsewhere', ['lib/other/x.ts']],
  ]);
  const paths = (names: string[], roots: string[] = []) => namedUsers(names, usages, roots).map((candidate) => candidate.path);

  it('backs the few source files that use a name, leaving tests and barrels out', () => {
    expect(paths(['normalize'])).toEqual(['src/driver/pg.ts', 'src/driver/mysql.ts']);
    expect(namedUsers(['normalize'], usages, [])[0]!.score).toBeLessThan(0.4);
  });

  it('says nothing of a name used everywhere, or only outside the task\'s projects', () => {
    expect(paths(['everywhere'])).toEqual([]);
    expect(paths(['elsewhere'], ['src'])).toEqual([]);
  });

  it('in a task about tests, backs the few tests that use a name', () => {
    const mocks = new Map([['mockImplementation', ['spec/a.spec.ts', 'spec/b.spec.ts', 'src/a.ts']]]);
    expect(namedUsers(['mockImplementation'], mocks, [], true).filter((candidate) => candidate.score >= 0.4).map((candidate) => candidate.path)).toEqual(['spec/a.spec.ts', 'spec/b.spec.ts']);
    expect(namedUsers(['mockImplementation'], mocks, [], false).map((candidate) => candidate.path)).toEqual(['src/a.ts']);
  });
});
