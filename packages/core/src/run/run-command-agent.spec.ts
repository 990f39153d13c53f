import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import { renderConversation } from '../report/render-threads';
import { readThread } from '../threads';
import { runSprint } from './run-sprint';

const FAKE_AGENT = join(__dirname, '../../../../tools/testing/fake-agent-cli.mjs');

// The command provider end to end: the pool's worker thread starts a real external agent process in
// the task's worktree, its events land in the thread, and its changes are committed and merged.
describe('runSprint with the command provider', () => {
  let repo: GitFixture;
  let worktrees: string;
  beforeEach(() => {
    worktrees = mkdtempSync(join(tmpdir(), 'codewaves-worktrees-'));
    const command = JSON.stringify([process.execPath, FAKE_AGENT, '--json', '--write', 'src/notes.ts=export const notes = [];\\n', '{prompt}']);
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true }),
      'src/index.ts': 'export const a = 1;\n',
      'codex/notes.md': `---\ntitle: Add notes\ntouches: [src/notes.ts]\nagent: { command: ${command} }\n---\nCreate src/notes.ts.`,
      'codex/fails.md': `---\ntitle: Refuse\ntouches: [src/other.ts]\nagent: { command: ${JSON.stringify([process.execPath, FAKE_AGENT, '--json', '--fail', 'no can do', '{prompt}'])} }\n---\nRefuse.`,
    });
  });
  afterEach(() => {
    repo.remove();
    rmSync(worktrees, { recursive: true, force: true });
  });

  it('runs the agent CLI in the worktree, records its events, and merges what it changed', async () => {
    const summary = await runSprint({ cwd: repo.root, runId: 'r1', env: { ...process.env, OPENAI_API_KEY: '', CODEWAVES_WORKTREES: worktrees } });
    const byId = new Map(summary.tasks.map((task) => [task.id, task]));
    expect(byId.get('notes')).toMatchObject({ status: 'merged', files: ['src/notes.ts'], tokens: { input: 1200, output: 300 } });
    expect(repo.git('show', `${summary.integrationBranch}:src/notes.ts`)).toBe('export const notes = [];\n');
    expect(byId.get('fails')).toMatchObject({ status: 'failed' });

    const thread = readThread(join(summary.threadsDir, 'threads', 'notes.jsonl'));
    const shown = renderConversation(thread);
    expect(shown).toContain('-> apply_patch');
    expect(shown).toContain('exited 0] changed: src/notes.ts');
    expect(shown).toContain('Done: wrote 1 file(s).');
    const failed = renderConversation(readThread(join(summary.threadsDir, 'threads', 'fails.jsonl')));
    expect(failed).toContain('[failed]');
    expect(failed).toContain('exited with code 1: no can do');
  });
});
