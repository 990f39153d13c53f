import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptedModel, startOpenAIServer, type OpenAIServer } from '../../../../tools/openai-server';
import { GIT_TEST_ENV, gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import { readThread } from '../threads';
import { blameTasks, DEFAULT_NX_CHECK, waveCheckCommand } from './check-wave';
import { runSprint } from './run-sprint';

describe('checks on the merged result of a wave', () => {
  let server: OpenAIServer;
  let repo: GitFixture;
  let worktrees: string;

  beforeAll(async () => {
    server = await startOpenAIServer({
      handler: scriptedModel({
        'Tweak shared': [
          { toolCalls: [{ name: 'write_file', arguments: { path: 'src/shared.ts', content: "export const state = 'broken';\n" } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'tweaked' } }] },
          // after the failed check, with its output
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/shared.ts', old_string: "'broken'", new_string: "'fixed'" } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'fixed what the check reported' } }] },
        ],
        'Add other': [
          { toolCalls: [{ name: 'write_file', arguments: { path: 'src/other.ts', content: 'export const other = 1;\n' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'other' } }] },
        ],
      }),
    });
    worktrees = mkdtempSync(join(tmpdir(), 'codewaves-worktrees-'));
    repo = gitRepo({
      'package.json': '{"name":"ws","private":true}',
      'src/shared.ts': "export const state = 'ok';\n",
      'check.js': "const text = require('fs').readFileSync('src/shared.ts', 'utf8');\nif (text.includes('broken')) { console.error('src/shared.ts: state is broken'); process.exit(1); }\n",
      'codex/tweak.md': '---\ntitle: Tweak shared\ntouches: [src/shared.ts]\n---\nx',
      'codex/other.md': '---\ntitle: Add other\ntouches: [src/other.ts]\n---\nx',
    });
  });
  afterAll(async () => {
    await server.close();
    repo.remove();
    rmSync(worktrees, { recursive: true, force: true });
  });

  it('sends the task the failure points at back with the output, and merges its fix', async () => {
    const env = { ...process.env, ...GIT_TEST_ENV, OPENAI_API_KEY: 'test', OPENAI_BASE_URL: server.url, CODEWAVES_WORKTREES: worktrees };
    const summary = await runSprint({ cwd: repo.root, runId: 'r1', env, checkCommand: 'node check.js' });
    expect(summary.tasks.map((t) => [t.id, t.status])).toEqual([
      ['other', 'merged'],
      ['tweak', 'merged'],
    ]);
    expect(repo.git('show', 'codewaves/r1:src/shared.ts')).toBe("export const state = 'fixed';\n");
    const statuses = readThread(join(summary.threadsDir, 'threads', 'tweak.jsonl')).filter((e) => e.type === 'status').map((e) => (e as { status: string }).status);
    expect(statuses).toEqual(['queued', 'running', 'completed', 'merged', 'running', 'completed', 'merged']);
    const followUp = server.requests.filter((r) => r.messages.some((m) => m.content?.includes('Tweak shared'))).at(-2)!;
    expect(followUp.messages.at(-1)!.content).toContain('src/shared.ts: state is broken');
    // the task the output did not name was not sent back
    expect(readThread(join(summary.threadsDir, 'threads', 'other.jsonl')).filter((e) => e.type === 'status')).toHaveLength(4);
  });

  it('blames the tasks whose files the output names, else every task of the wave', () => {
    const tasks = [
      { id: 'a', files: ['src/a.ts'] },
      { id: 'b', files: ['lib/b.ts'] },
    ];
    expect(blameTasks('error TS2322 in src/a.ts(3,1)', tasks)).toEqual(['a']);
    expect(blameTasks('FAIL b.ts', tasks)).toEqual(['b']);
    expect(blameTasks('something unrelated', tasks)).toEqual(['a', 'b']);
  });
});

describe('waveCheckCommand', () => {
  it('checks what the wave affected in an Nx workspace unless told otherwise, and nothing elsewhere', () => {
    expect(waveCheckCommand(undefined, 'nx')).toBe(DEFAULT_NX_CHECK);
    expect(waveCheckCommand('none', 'nx')).toBeUndefined();
    expect(waveCheckCommand('', 'nx')).toBeUndefined();
    expect(waveCheckCommand('npm test', 'nx')).toBe('npm test');
    expect(waveCheckCommand(undefined, 'npm-workspaces')).toBeUndefined();
    expect(waveCheckCommand('npm test', 'single-package')).toBe('npm test');
  });
});
