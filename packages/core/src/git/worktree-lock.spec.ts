import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import { createWorktree, removeWorktree } from '../sandbox/worktrees';
import { withWorktreeLock } from './worktree-lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('withWorktreeLock', () => {
  it('runs one repository\'s worktree commands one at a time, and other repositories\' beside them', async () => {
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([withWorktreeLock('/repo/a', step('a1')), withWorktreeLock('/repo/a/', step('a2')), withWorktreeLock('/repo/b', step('b1'))]);
    expect(log.indexOf('a1 end')).toBeLessThan(log.indexOf('a2 start'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('a failure reaches its caller and does not stop the queue', async () => {
    const failed = withWorktreeLock('/repo/c', async () => {
      throw new Error('no');
    });
    const next = withWorktreeLock('/repo/c', async () => 'ran');
    await expect(failed).rejects.toThrow('no');
    await expect(next).resolves.toBe('ran');
  });

  describe('with a real repository', () => {
    let repo: GitFixture;
    let worktrees: string;
    beforeAll(() => {
      repo = gitRepo({ 'a.ts': 'export const a = 1;\n' });
      worktrees = mkdtempSync(join(tmpdir(), 'codewaves-lock-'));
    });
    afterAll(() => {
      repo.remove();
      rmSync(worktrees, { recursive: true, force: true });
    });

    it('makes a wave\'s worth of worktrees at once, and removes them', async () => {
      const env = { ...process.env, CODEWAVES_WORKTREES: worktrees };
      const ids = Array.from({ length: 8 }, (_, i) => `t${i}`);
      const made = await Promise.all(ids.map((id) => createWorktree({ workspaceRoot: repo.root, runId: 'r', taskId: id, branch: `b/${id}`, base: 'HEAD', env })));
      expect(made.every((worktree) => existsSync(join(worktree.path, 'a.ts')))).toBe(true);
      await Promise.all(made.map((worktree) => removeWorktree(repo.root, worktree.path)));
      expect(made.some((worktree) => existsSync(worktree.path))).toBe(false);
    });
  });
});
