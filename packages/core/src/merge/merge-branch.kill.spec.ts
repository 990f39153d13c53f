import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { GIT_TEST_ENV, gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';

// A process killed at any point of a merge leaves the integration ref at its old commit or at a
// complete merge commit: never anywhere else (merge-tree, commit-tree, then a compare-and-swap update-ref).
describe('mergeIntoIntegration killed mid-way', () => {
  let repo: GitFixture;
  beforeAll(() => {
    repo = gitRepo({ 'a.ts': '1\n2\n3\n' });
    repo.git('branch', 'integration');
    repo.git('checkout', '-q', '-b', 'task');
    repo.write({ 'a.ts': '1\n2\n3 task\n', 'b.ts': 'new\n' });
    repo.commit('task');
    repo.git('checkout', '-q', 'main');
  });
  afterAll(() => repo.remove());

  it('never leaves the ref half-merged', async () => {
    const old = repo.git('rev-parse', 'integration').trim();
    const task = repo.git('rev-parse', 'task').trim();
    const dist = join(__dirname, '..', '..', 'dist', 'merge', 'merge-branch.js');
    const script = `require(${JSON.stringify(dist)}).mergeIntoIntegration({ root: ${JSON.stringify(repo.root)}, integrationRef: 'refs/heads/integration', branchHead: ${JSON.stringify(task)}, message: 'merge' })`;
    for (const delay of [0, 5, 20, 40, 80, 160, 400]) {
      repo.git('update-ref', 'refs/heads/integration', old);
      const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, ...GIT_TEST_ENV }, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const now = repo.git('rev-parse', 'integration').trim();
      if (now !== old) {
        // a complete merge: both parents, both changes
        expect(repo.git('rev-list', '--parents', '-n', '1', now).trim().split(' ').slice(1)).toEqual([old, task]);
        expect(repo.git('show', `${now}:a.ts`)).toBe('1\n2\n3 task\n');
      }
      expect(repo.git('status', '--porcelain')).toBe('');
    }
  });
});
