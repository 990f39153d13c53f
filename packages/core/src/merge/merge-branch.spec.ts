import { execFileSync } from 'node:child_process';
import { GIT_TEST_ENV, gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import { execGit } from '../git';
import { mergeIntoIntegration } from './merge-branch';

describe('mergeIntoIntegration (real git, no working tree touched)', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = gitRepo({ 'a.ts': 'line1\nline2\nline3\n', 'b.ts': 'b\n' });
    repo.git('branch', 'integration');
  });
  afterEach(() => repo.remove());

  const branchWith = (name: string, files: Record<string, string>) => {
    repo.git('checkout', '-q', '-b', name, 'main');
    repo.write(files);
    const head = repo.commit(name);
    repo.git('checkout', '-q', 'main');
    return head;
  };

  it('merges two branches that change different lines and moves only the integration ref', async () => {
    const one = branchWith('one', { 'a.ts': 'line1 changed\nline2\nline3\n' });
    const two = branchWith('two', { 'a.ts': 'line1\nline2\nline3 changed\n', 'c.ts': 'new\n' });
    const mainBefore = repo.git('rev-parse', 'main');
    for (const head of [one, two]) {
      const result = await mergeIntoIntegration({ root: repo.root, integrationRef: 'refs/heads/integration', branchHead: head, message: 'merge' });
      expect(result.kind).toBe('merged');
    }
    expect(repo.git('show', 'integration:a.ts')).toBe('line1 changed\nline2\nline3 changed\n');
    expect(repo.git('show', 'integration:c.ts')).toBe('new\n');
    expect(repo.git('rev-parse', 'main')).toBe(mainBefore);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('reports the conflicting files and leaves the ref where it was', async () => {
    const one = branchWith('one', { 'a.ts': 'line1 one\nline2\nline3\n' });
    const two = branchWith('two', { 'a.ts': 'line1 two\nline2\nline3\n', 'b.ts': 'b two\n' });
    const first = await mergeIntoIntegration({ root: repo.root, integrationRef: 'refs/heads/integration', branchHead: one, message: 'merge one' });
    expect(first.kind).toBe('merged');
    const before = repo.git('rev-parse', 'integration').trim();
    const second = await mergeIntoIntegration({ root: repo.root, integrationRef: 'refs/heads/integration', branchHead: two, message: 'merge two' });
    expect(second).toMatchObject({ kind: 'conflicted', files: ['a.ts'] });
    expect(repo.git('rev-parse', 'integration').trim()).toBe(before);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('merges package.json dependency additions from both sides as data', async () => {
    const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'x', dependencies: deps }, null, 2)}\n`;
    repo.write({ 'package.json': pkg({ a: '1' }) });
    repo.commit('package');
    repo.git('branch', '-f', 'integration', 'main');
    const one = branchWith('dep-b', { 'package.json': pkg({ a: '1', b: '2' }) });
    const two = branchWith('dep-c', { 'package.json': pkg({ a: '1', c: '3' }) });
    expect((await mergeIntoIntegration({ root: repo.root, integrationRef: 'refs/heads/integration', branchHead: one, message: 'b' })).kind).toBe('merged');
    expect((await mergeIntoIntegration({ root: repo.root, integrationRef: 'refs/heads/integration', branchHead: two, message: 'c' })).kind).toBe('merged');
    expect(JSON.parse(repo.git('show', 'integration:package.json')).dependencies).toEqual({ a: '1', b: '2', c: '3' });
    expect(repo.git('status', '--porcelain')).toBe('');

    const three = branchWith('dep-a', { 'package.json': pkg({ a: '9', b: '2', c: '3' }) });
    const four = branchWith('dep-a2', { 'package.json': pkg({ a: '8', b: '2', c: '3' }) });
    repo.git('branch', '-f', 'integration', three);
    expect(await mergeIntoIntegration({ root: repo.root, integrationRef: 'refs/heads/integration', branchHead: four, message: 'a' })).toMatchObject({ kind: 'conflicted', files: ['package.json'] });
  });

  it('merges two branches that both add an import and a route to one file, structurally', async () => {
    const routes = (imports: string[], entries: string[]) =>
      `${imports.map((name) => `import { ${name} } from './${name}';`).join('\n')}\n\nexport const routes = [\n${entries.map((name) => `  { path: '/${name}', handler: ${name} },`).join('\n')}\n];\n`;
    repo.write({ 'routes.ts': routes(['health'], ['health']) });
    repo.commit('routes');
    repo.git('branch', '-f', 'integration', 'main');
    const users = branchWith('users', { 'routes.ts': routes(['health', 'users'], ['health', 'users']), 'users.ts': 'export const users = 1;\n' });
    const orders = branchWith('orders', { 'routes.ts': routes(['health', 'orders'], ['health', 'orders']) });
    expect(await mergeIntoIntegration({ root: repo.root, integrationRef: 'refs/heads/integration', branchHead: users, message: 'users' })).toMatchObject({ kind: 'merged', resolved: [] });
    const plainGit = await execGit(repo.root, ['merge-tree', '--write-tree', '--name-only', 'integration', orders]);
    expect(plainGit.exitCode).toBe(1);
    expect(plainGit.stdout.split('\n')).toContain('routes.ts');
    const second = await mergeIntoIntegration({ root: repo.root, integrationRef: 'refs/heads/integration', branchHead: orders, message: 'orders' });
    expect(second).toMatchObject({ kind: 'merged', resolved: [{ file: 'routes.ts', by: 'typescript' }] });
    expect(repo.git('show', 'integration:routes.ts')).toBe(routes(['health', 'users', 'orders'], ['health', 'users', 'orders']));
    expect(repo.git('log', '-1', '--format=%P', 'integration').trim().split(' ')).toHaveLength(2);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('regenerates a lockfile both sides changed with the package manager, from the merged package.json', async () => {
    const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: 'ws', version: '1.0.0', dependencies: deps }, null, 2)}\n`;
    const npmLock = (cwd: string) => execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd, env: { ...process.env, ...GIT_TEST_ENV } });
    repo.write({
      'package.json': pkg({}),
      'libs/a/package.json': '{"name":"a","version":"1.0.0"}\n',
      'libs/b/package.json': '{"name":"b","version":"2.0.0"}\n',
    });
    npmLock(repo.root);
    repo.commit('workspace with a lockfile');
    repo.git('branch', '-f', 'integration', 'main');
    const withDependency = (name: string, deps: Record<string, string>) => {
      repo.git('checkout', '-q', '-b', name, 'main');
      repo.write({ 'package.json': pkg(deps) });
      npmLock(repo.root);
      const head = repo.commit(name);
      repo.git('checkout', '-q', 'main');
      return head;
    };
    const one = withDependency('dep-a', { a: 'file:libs/a' });
    const two = withDependency('dep-b', { b: 'file:libs/b' });
    const env = { ...process.env, ...GIT_TEST_ENV };
    expect(await mergeIntoIntegration({ root: repo.root, integrationRef: 'refs/heads/integration', branchHead: one, message: 'a', env })).toMatchObject({ kind: 'merged' });
    const second = await mergeIntoIntegration({ root: repo.root, integrationRef: 'refs/heads/integration', branchHead: two, message: 'b', env });
    expect(second).toMatchObject({ kind: 'merged', resolved: expect.arrayContaining([{ file: 'package-lock.json', by: 'lockfile' }]) });
    const lock = JSON.parse(repo.git('show', 'integration:package-lock.json'));
    expect(lock.packages[''].dependencies).toEqual({ a: 'file:libs/a', b: 'file:libs/b' });
    expect(Object.keys(lock.packages)).toEqual(expect.arrayContaining(['node_modules/a', 'node_modules/b', 'libs/a', 'libs/b']));
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });
});
