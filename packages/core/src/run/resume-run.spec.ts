import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { scriptedModel, startOpenAIServer, type OpenAIServer } from '../../../../tools/openai-server';
import { GIT_TEST_ENV, gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import { readThread } from '../threads';
import { resumeRun } from './resume-run';

const CLI = join(__dirname, '..', '..', 'bin', 'codewaves.js');

// A real `codewaves run` stopped mid-wave (kill -9, Ctrl-C), then resumed: nothing an agent
// committed is lost, and the run finishes.
describe('stopping a run mid-wave, then resume', () => {
  let server: OpenAIServer;
  let repo: GitFixture;
  let worktrees: string;
  const script = scriptedModel({
    'Quick one': [{ toolCalls: [{ name: 'write_file', arguments: { path: 'src/quick.ts', content: 'export const quick = 1;\n' } }] }, { toolCalls: [{ name: 'finish', arguments: { summary: 'quick' } }] }],
    'Slow one': [{ toolCalls: [{ name: 'write_file', arguments: { path: 'src/slow.ts', content: 'export const slow = 1;\n' } }] }, { toolCalls: [{ name: 'finish', arguments: { summary: 'slow' } }] }],
  });
  // The slow task's model never answers before the run is stopped.
  const stalling = () => server.setHandler((request) => (request.messages.some((m) => m.content?.includes('Slow one')) ? [{ kind: 'delay', ms: 120_000 }] : script(request)));
  const env = () => ({ ...process.env, ...GIT_TEST_ENV, OPENAI_API_KEY: 'test', OPENAI_BASE_URL: server.url, CODEWAVES_WORKTREES: worktrees });
  const runs = () => join(repo.root, '.codewaves', 'runs');

  beforeAll(async () => {
    server = await startOpenAIServer({ handler: script });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    stalling();
    worktrees = mkdtempSync(join(tmpdir(), 'codewaves-worktrees-'));
    repo = gitRepo({
      'package.json': '{"name":"ws","private":true}',
      'codex/quick.md': '---\ntitle: Quick one\ntouches: [src/quick.ts]\n---\nx',
      'codex/slow.md': '---\ntitle: Slow one\ntouches: [src/slow.ts]\n---\nx',
    });
  });
  afterEach(() => {
    repo.remove();
    rmSync(worktrees, { recursive: true, force: true });
  });

  /** Starts `codewaves run` and waits (bounded) until the quick task has committed while the slow one still runs. */
  async function runUntilQuickCommitted(): Promise<{ child: ChildProcessByStdio<null, null, Readable>; stderr: () => string; exited: Promise<number | null> }> {
    const child = spawn(process.execPath, [CLI, 'run'], { cwd: repo.root, env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let quickCommitted = false;
    for (let i = 0; i < 300 && !quickCommitted; i++) {
      await sleep(100);
      const found = existsSync(runs()) ? readdirSync(runs()) : [];
      if (found.length === 0) continue;
      quickCommitted = readThread(join(runs(), found[0]!, 'threads', 'quick.jsonl')).some((e) => e.type === 'commit');
    }
    expect(quickCommitted).toBe(true);
    return { child, stderr: () => stderr, exited };
  }

  async function resumeAndExpectBothMerged() {
    server.setHandler(script);
    const summary = await resumeRun({ cwd: repo.root, env: env() });
    expect(summary.tasks.map((t) => [t.id, t.status])).toEqual([
      ['quick', 'merged'],
      ['slow', 'merged'],
    ]);
    expect(repo.git('show', `${summary.integrationBranch}:src/quick.ts`)).toBe('export const quick = 1;\n');
    expect(repo.git('show', `${summary.integrationBranch}:src/slow.ts`)).toBe('export const slow = 1;\n');
    return summary;
  }

  it('after kill -9: merges what was committed, runs the interrupted task again, and finishes the run', async () => {
    const { child, exited } = await runUntilQuickCommitted();
    child.kill('SIGKILL');
    await exited;

    const summary = await resumeAndExpectBothMerged();
    const slowStatuses = readThread(join(summary.threadsDir, 'threads', 'slow.jsonl')).filter((e) => e.type === 'status').map((e) => (e as { status: string }).status);
    expect(slowStatuses).toEqual(['queued', 'running', 'queued', 'running', 'completed', 'merged']);
    expect(repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
  });

  it('after Ctrl-C: the running agent is cancelled, nothing is merged half-way, the CLI exits 130', async () => {
    const { child, stderr, exited } = await runUntilQuickCommitted();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr()).toContain('Stopping: cancelling the running agents');

    const run = readdirSync(runs())[0]!;
    const last = (id: string) => readThread(join(runs(), run, 'threads', `${id}.jsonl`)).filter((e) => e.type === 'status').at(-1);
    expect(last('slow')).toMatchObject({ status: 'cancelled', reason: 'interrupted: cancelled while the model was answering' });
    expect(last('quick')).toMatchObject({ status: 'completed' });
    // the interrupted wave was not merged: the integration branch is still at the base
    expect(repo.git('rev-parse', `codewaves/${run}`)).toBe(repo.git('rev-parse', 'main'));

    await resumeAndExpectBothMerged();
  });
});
