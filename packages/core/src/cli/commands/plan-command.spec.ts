import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepo, type GitFixture } from '../../../../../tools/testing/git-fixture';
import { runCli } from '../../../../../tools/testing/run-cli';

// The CI gate, in-process against a real repository: exit codes and messages are the contract.
describe('codewaves plan', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': '{"name":"a"}',
      'packages/a/src/index.ts': 'export const a = 1;\n',
      'packages/a/src/other.ts': 'export const other = 1;\n',
      'packages/a/codex/one.md': '---\ntitle: One\ntouches: [packages/a/src/index.ts]\n---\nEdit it.',
      'packages/a/codex/two.md': '---\ntitle: Two\ntouches: [packages/a/src/index.ts]\n---\nEdit it too.',
      'packages/a/codex/three.md': '---\ntitle: Three\ntouches: [packages/a/src/other.ts]\n---\nEdit the other.',
    });
  });
  afterEach(() => repo.remove());

  const plan = (...args: string[]) => runCli(repo.root, ['plan', ...args]);

  it('prints JSON with waves, and passes --check within the limits', async () => {
    const result = await plan('--json', '--check', '--max-waves', '2');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).waves).toEqual([['one', 'three'], ['two']]);
    expect(result.stderr).toContain('ok (3 tasks in 2 waves)');
  });

  it('exits 3 when the plan needs more waves than allowed', async () => {
    const result = await plan('--check', '--max-waves', '1');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('the plan needs 2 waves, more than --max-waves 1');
  });

  it('exits 3 on a dependency cycle under --check, 2 without', async () => {
    repo.write({ 'packages/a/codex/one.md': '---\ntitle: One\ndependsOn: [two]\n---\nx', 'packages/a/codex/two.md': '---\ntitle: Two\ndependsOn: [one]\n---\nx' });
    repo.commit('cycle');
    const checked = await plan('--check');
    expect(checked.code).toBe(3);
    expect(checked.stderr).toContain('one -> two -> one');
    expect((await plan()).code).toBe(2);
  });

  it('exits 3 when the plan differs from the committed expected plan, and says how', async () => {
    expect((await plan('--format', 'json', '--output', 'expected-plan.json')).code).toBe(0);
    expect((await plan('--check', '--expect', 'expected-plan.json')).code).toBe(0);
    repo.write({ 'packages/a/codex/three.md': '---\ntitle: Three\ntouches: [packages/a/src/index.ts]\n---\nNow the same file.' });
    repo.commit('three moves');
    const result = await plan('--check', '--expect', 'expected-plan.json');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('the plan differs from the expected plan');
    expect(result.stderr).toContain('new edge: write-write one -> three');
  });

  it('renders Markdown with a Mermaid picture and a GitHub Actions matrix per wave', async () => {
    expect((await plan('--format', 'markdown')).stdout).toContain('```mermaid');
    const matrix = JSON.parse((await plan('--format', 'matrix', '--wave', '2')).stdout);
    expect(matrix).toEqual({ include: [expect.objectContaining({ wave: 2, task: 'two', project: 'a' })] });
  });

  it('plans only the tasks a change affects with --affected', async () => {
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'packages/a/src/other.ts': 'export const other = 2;\n' });
    repo.commit('change other');
    const result = await plan('--json', '--affected', '--base', 'main');
    expect(JSON.parse(result.stdout).waves).toEqual([['three']]);
  });

  it('splits waves to a concurrency limit and names the written file', async () => {
    const result = await plan('--json', '--concurrency', '1', '--output', 'plan.json');
    expect(result.stderr).toContain('wrote the plan (json) to plan.json');
    expect(JSON.parse(readFileSync(join(repo.root, 'plan.json'), 'utf8')).waves).toEqual([['one'], ['three'], ['two']]);
  });

  it('records the guard it planned with, and refuses one outside 0..1 with exit 2', async () => {
    expect(JSON.parse((await plan('--json', '--guard', '0.2')).stdout).policy.guard).toBe(0.2);
    const bad = await plan('--guard', '2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--guard <confidence>' argument '2' is invalid. must be a number from 0 to 1");
  });
});
