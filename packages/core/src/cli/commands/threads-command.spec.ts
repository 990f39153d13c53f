import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GIT_TEST_ENV, gitRepo, type GitFixture } from '../../../../../tools/testing/git-fixture';
import { runSprint } from '../../run';
import { runCli } from '../../../../../tools/testing/run-cli';

// Review commands on a real finished run (replayed agents, real worktrees and merges).
describe('codewaves threads, show and diff', () => {
  let repo: GitFixture;
  let worktrees: string;
  const transcript = (turns: unknown[]) => JSON.stringify({ schemaVersion: 1, taskId: 'x', turns });

  beforeAll(async () => {
    worktrees = mkdtempSync(join(tmpdir(), 'codewaves-worktrees-'));
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true }),
      'src/a.ts': 'export const a = 1;\n',
      'codex/edit-a.md': '---\ntitle: Edit a\ntouches: [src/a.ts]\n---\nChange a to 2.',
      'codex/edit-a.transcript.json': transcript([
        { reasoning: 'Read first, then edit.', toolCalls: [{ name: 'read_file', arguments: { path: 'src/a.ts' } }] },
        { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/a.ts', old_string: 'a = 1', new_string: 'a = 2' } }] },
        { toolCalls: [{ name: 'finish', arguments: { summary: 'a is 2' } }] },
      ]),
      'codex/noop.md': '---\ntitle: Look only\ntouches: [src/b.ts]\n---\nLook around.',
      'codex/noop.transcript.json': transcript([{ content: 'Nothing to change.' }]),
    });
    await runSprint({ cwd: repo.root, runId: 'r1', env: { ...process.env, OPENAI_API_KEY: '', CODEWAVES_WORKTREES: worktrees } });
  });
  afterAll(() => {
    repo.remove();
    rmSync(worktrees, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => runCli(repo.root, args, { ...process.env, ...GIT_TEST_ENV, CODEWAVES_WORKTREES: worktrees });

  it('lists the latest run\'s threads with status, wave, tokens and files', async () => {
    const result = await cli('threads');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Run r1 on codewaves/r1');
    expect(result.stdout).toMatch(/merged\s+edit-a\s+ws\s+wave 1 .* 1 file/);
    expect(result.stdout).toMatch(/merged\s+noop\s+ws\s+wave 1 .* 0 files/);
    const json = JSON.parse((await cli('threads', '--json')).stdout);
    expect(json.threads.find((t: { id: string }) => t.id === 'edit-a')).toMatchObject({ status: 'merged', files: ['src/a.ts'], branch: 'codewaves/tasks/r1/edit-a' });
  });

  it('watch prints one line per thread state and ends when every thread has finished', async () => {
    const result = await cli('watch', '--interval', '10');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').map((line) => line.replace(/^\S+ /, ''))).toEqual([
      expect.stringMatching(/^edit-a: merged \(merged into codewaves\/r1 as \w+\)$/),
      'noop: merged (nothing to merge: the task changed no file)',
    ]);
    const thread = await cli('watch', '--thread', 'edit-a', '--once');
    expect(thread.stdout).toContain('-> edit_file');
  });

  it('shows the conversation with reasoning and folded tool calls', async () => {
    const result = await cli('show', 'edit-a');
    expect(result.stdout).toContain('reasoning: Read first, then edit.');
    expect(result.stdout).toContain('-> edit_file {"path":"src/a.ts","old_string":"a = 1","new_string":"a = 2"}');
    expect(result.stdout).toContain('<- read_file: export const a = 1;');
    expect(result.stdout).toContain('[merged] merged into codewaves/r1');
    expect(result.stdout).toContain('(instructions,');
  });

  it('prints the task\'s diff against the code it started from', async () => {
    const result = await cli('diff', 'edit-a');
    expect(result.stdout).toContain('src/a.ts | 2 +-');
    expect(result.stdout).toContain('-export const a = 1;\n+export const a = 2;');
    expect((await cli('diff', 'noop')).stdout).toContain('noop has no changes');
    const json = JSON.parse((await cli('diff', 'edit-a', '--json')).stdout);
    expect(json).toMatchObject({ thread: 'edit-a', files: ['src/a.ts'], patch: expect.stringContaining('+export const a = 2;') });
  });

  it('names the known threads for an unknown one', async () => {
    const result = await cli('show', 'nope');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('run r1 has no thread `nope`');
    expect(result.stderr).toContain('edit-a, noop');
  });

  describe('apply', () => {
    it('refuses a dirty working tree and changes nothing', async () => {
      repo.write({ 'src/a.ts': 'export const a = 99;\n' });
      const result = await cli('apply', 'edit-a');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('your working tree has uncommitted changes (src/a.ts)');
      repo.git('checkout', '--', 'src/a.ts');
    });

    it('applies nothing when a thread conflicts with the current branch, and names the file', async () => {
      repo.git('checkout', '-q', '-b', 'elsewhere');
      repo.write({ 'src/a.ts': 'export const a = 3;\n' });
      const head = repo.commit('a is 3 here');
      const result = await cli('apply', 'edit-a');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('`edit-a` does not apply to your current branch: it conflicts in src/a.ts');
      expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);
      expect(repo.git('status', '--porcelain')).toBe('');
      repo.git('checkout', '-q', 'main');
    });

    it('applies a thread\'s own commits to the current branch', async () => {
      const before = repo.git('rev-parse', 'HEAD').trim();
      const result = await cli('apply', '--all');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('applied edit-a: 1 commit, src/a.ts');
      expect(result.stdout).toContain('no changes to apply: noop');
      expect(repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
      expect(repo.git('rev-parse', 'HEAD~1').trim()).toBe(before);
      expect(repo.git('show', 'HEAD:src/a.ts')).toBe('export const a = 2;\n');
      expect(repo.git('status', '--porcelain')).toBe('');
    });
  });

  it('clean keeps unmerged work unless forced, and the integration branch until forced', async () => {
    repo.git('branch', 'codewaves/tasks/r1/stray', 'main');
    const first = await cli('clean');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('deleted codewaves/tasks/r1/edit-a');
    expect(first.stdout).toContain('kept 1 branch(es) with work that is not merged');
    expect(first.stdout).toContain('  codewaves/tasks/r1/stray');
    expect(repo.git('branch', '--list', 'codewaves/r1').trim()).toBe('codewaves/r1');
    const forced = await cli('clean', '--force');
    expect(forced.stdout).toContain('deleted codewaves/tasks/r1/stray');
    expect(forced.stdout).toContain('deleted codewaves/r1');
    expect(repo.git('branch', '--list', 'codewaves/*').trim()).toBe('');
    expect(repo.git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });
});
