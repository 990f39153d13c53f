import { typeProjects } from './type-projects';

describe('typeProjects', () => {
  const rootOf = (file: string) => (file.startsWith('apps/') || file.startsWith('libs/') ? file.split('/').slice(0, 2).join('/') : undefined);
  const commits = (count: number, subject: string, files: string[]) => Array.from({ length: count }, () => ({ subject, files }));

  it('names the project most recent unscoped commits of the type went to', () => {
    const history = [...commits(9, 'docs: update the guide', ['apps/docs/guide.md']), ...commits(1, 'docs: fix a JSDoc', ['libs/store/src/store.ts'])];
    expect(typeProjects('docs', history, rootOf)).toEqual(['apps/docs']);
  });

  it('takes a second project when one does not hold enough of them', () => {
    const history = [...commits(6, 'docs: old site', ['apps/docs/a.md']), ...commits(4, 'docs: new site', ['apps/www/b.md'])];
    expect(typeProjects('docs', history, rootOf)).toEqual(['apps/docs', 'apps/www']);
  });

  it('gives nothing for work that lands anywhere, or too few commits to tell', () => {
    const spread = ['a', 'b', 'c', 'd', 'e'].flatMap((name) => commits(2, 'chore: tidy', [`libs/${name}/x.ts`]));
    expect(typeProjects('chore', spread, rootOf)).toEqual([]);
    expect(typeProjects('docs', commits(5, 'docs: update the guide', ['apps/docs/guide.md']), rootOf)).toEqual([]);
    // (not manifests: hotspots do not count at all, so they would not test the sweep)
    const sweeps = [...commits(5, 'build: update Angular', ['libs/a/angular.ts', 'libs/b/angular.ts', 'libs/c/angular.ts']), ...commits(5, 'build: tweak', ['libs/a/x.ts'])];
    expect(typeProjects('build', sweeps, rootOf)).toEqual([]);
  });

  it('counts neither scoped commits, other types, nor commits that changed only hotspots', () => {
    const history = [
      ...commits(10, 'docs(store): document select', ['libs/store/src/select.ts']),
      ...commits(10, 'feat: add a page', ['libs/store/src/page.ts']),
      ...commits(10, 'docs: list the docs site', ['package.json', 'libs/store/src/index.ts']),
      ...commits(8, 'doc: update the guide', ['apps/docs/guide.md', 'apps/docs/package.json']),
    ];
    expect(typeProjects('docs', history, rootOf)).toEqual(['apps/docs']);
  });

  it('a kind of work that changes files outside every project is no project\'s', () => {
    const history = [...commits(7, 'docs: update the guide', ['apps/docs/guide.md']), ...commits(3, 'docs: update the root docs', ['docs/api.md', 'apps/docs/guide.md'])];
    expect(typeProjects('docs', history, rootOf)).toEqual([]);
  });

  it('judges a task with no type by the commits with none', () => {
    const history = [...commits(10, 'docs: update the guide', ['apps/docs/guide.md']), ...commits(9, 'Speed up query types', ['libs/store/src/query.ts'])];
    expect(typeProjects(undefined, history, rootOf)).toEqual(['libs/store']);
    // a prose subject's first verb says its kind, as a conventional type would
    const prose = [...commits(10, 'Speed up the guide', ['apps/docs/guide.md']), ...commits(9, 'Fix query types', ['libs/store/src/query.ts'])];
    expect(typeProjects('fix', prose, rootOf)).toEqual(['libs/store']);
  });

  it('reads only the most recent of them', () => {
    const history = [...commits(40, 'docs: new site', ['apps/www/a.md']), ...commits(100, 'docs: old site', ['apps/docs/a.md'])];
    expect(typeProjects('docs', history, rootOf)).toEqual(['apps/www']);
  });
});
