import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptedModel, startOpenAIServer, type OpenAIServer } from '../../../../tools/openai-server';
import { GIT_TEST_ENV, gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import { renderSummaryText } from '../report';
import { readThread } from '../threads';
import { runSprint } from './run-sprint';

// Two tasks the footprint could not see colliding: both edit the same line of a file neither declared.
describe('re-run on the merged code after a conflict', () => {
  let server: OpenAIServer;
  let repo: GitFixture;
  let worktrees: string;

  beforeAll(async () => {
    server = await startOpenAIServer({
      handler: scriptedModel({
        'Rename to alpha': [
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/shared.ts', old_string: "'base'", new_string: "'alpha'" } }, { name: 'write_file', arguments: { path: 'src/a.ts', content: 'export {};\n' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'alpha' } }] },
        ],
        'Add beta': [
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/shared.ts', old_string: "'base'", new_string: "'base-beta'" } }, { name: 'write_file', arguments: { path: 'src/b.ts', content: 'export {};\n' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'beta' } }] },
          // after the conflict message: redo the change on top of the merged code
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/shared.ts', old_string: "'alpha'", new_string: "'alpha-beta'" } }, { name: 'write_file', arguments: { path: 'src/b.ts', content: 'export {};\n' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'beta on top of alpha' } }] },
        ],
      }),
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    worktrees = mkdtempSync(join(tmpdir(), 'codewaves-worktrees-'));
    repo = gitRepo({
      'package.json': '{"name":"ws","private":true}',
      'src/shared.ts': "export const name = 'base';\n",
      'codex/alpha.md': '---\ntitle: Rename to alpha\ntouches: [src/a.ts]\n---\nx',
      'codex/beta.md': '---\ntitle: Add beta\ntouches: [src/b.ts]\n---\nx',
    });
  });
  afterEach(() => {
    repo.remove();
    rmSync(worktrees, { recursive: true, force: true });
  });
  const env = () => ({ ...process.env, ...GIT_TEST_ENV, OPENAI_API_KEY: 'test', OPENAI_BASE_URL: server.url, CODEWAVES_WORKTREES: worktrees });

  it('tells the later task what conflicted, re-runs it on the merged code and merges both', async () => {
    const summary = await runSprint({ cwd: repo.root, runId: 'r1', env: env() });
    expect(summary.waves).toEqual([['alpha', 'beta']]);
    expect(summary.tasks.map((t) => [t.id, t.status])).toEqual([
      ['alpha', 'merged'],
      ['beta', 'merged'],
    ]);
    expect(repo.git('show', 'codewaves/r1:src/shared.ts')).toBe("export const name = 'alpha-beta';\n");
    const statuses = readThread(join(summary.threadsDir, 'threads', 'beta.jsonl')).filter((e) => e.type === 'status').map((e) => (e as { status: string }).status);
    expect(statuses).toEqual(['queued', 'running', 'completed', 'conflicted', 'running', 'completed', 'merged']);
    const rerun = server.requests.filter((r) => r.messages.some((m) => m.content?.includes('Add beta'))).at(-2)!;
    expect(rerun.messages.at(-1)!.content).toContain('work merged before it in this wave also changed src/shared.ts');
    // neither task declared the file they collided on: the run says so
    expect(summary.tasks.find((t) => t.id === 'beta')!.drift).toEqual({ unplanned: ['src/shared.ts'], untouched: [] });
    // the first attempt is kept
    expect(repo.git('show', 'codewaves/tasks/r1/beta-attempt-1:src/shared.ts')).toBe("export const name = 'base-beta';\n");
  });

  it('leaves the task conflicted, with its work on its branch, when re-runs are off', async () => {
    const summary = await runSprint({ cwd: repo.root, runId: 'r2', env: env(), rerunConflicts: false });
    const beta = summary.tasks.find((t) => t.id === 'beta')!;
    expect(beta.status).toBe('conflicted');
    expect(beta.conflictFiles).toEqual(['src/shared.ts']);
    expect(repo.git('show', 'codewaves/tasks/r2/beta:src/shared.ts')).toBe("export const name = 'base-beta';\n");
    const text = renderSummaryText(summary);
    expect(text).toContain('conflicting files: src/shared.ts');
    expect(text).toContain('resolve by hand: git switch -c resolve-beta codewaves/r2 && git merge codewaves/tasks/r2/beta');
  });
});
