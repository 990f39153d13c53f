import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptedModel, startOpenAIServer, type OpenAIServer } from '../../../../tools/openai-server';
import { GIT_TEST_ENV, gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import { runCli } from '../../../../tools/testing/run-cli';
import { renderSummaryText } from '../report/render-summary';
import { readThread } from '../threads';
import { runSprint } from './run-sprint';

// Real git, real worker threads (built JS from dist/), the real openai SDK over HTTP to a local server.
describe('runSprint', () => {
  let server: OpenAIServer;
  let repo: GitFixture;
  let worktrees: string;
  const env = () => ({ ...process.env, OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: server.url, CODEWAVES_WORKTREES: worktrees });

  beforeAll(async () => {
    server = await startOpenAIServer({ handler: () => ({ content: 'unused' }) });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    worktrees = mkdtempSync(join(tmpdir(), 'codewaves-worktrees-'));
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': '{"name":"a"}',
      'packages/b/package.json': '{"name":"b"}',
      'packages/a/src/index.ts': 'export const a = 1;\n\nexport const end = true;\n',
      'packages/a/codex/add-top.md': '---\ntitle: Add top export\ntouches: [packages/a/src/index.ts]\n---\nAdd `top` at the top of packages/a/src/index.ts.',
      'packages/b/codex/add-bottom.md': '---\ntitle: Add bottom export\ntouches: [packages/a/src/index.ts]\n---\nAdd `bottom` at the end of packages/a/src/index.ts.',
      'packages/b/codex/new-file.md': '---\ntitle: Create b util\ntouches: [packages/b/src/util.ts]\n---\nCreate util.ts.',
    });
  });
  afterEach(() => {
    repo.remove();
    rmSync(worktrees, { recursive: true, force: true });
  });

  it('runs three tasks in two waves and merges all of them without touching the checkout', async () => {
    server.setHandler(
      scriptedModel({
        'Add top export': [
          { toolCalls: [{ name: 'read_file', arguments: { path: 'packages/a/src/index.ts' } }] },
          { reasoning: 'prepend', toolCalls: [{ name: 'edit_file', arguments: { path: 'packages/a/src/index.ts', old_string: 'export const a = 1;', new_string: 'export const top = 0;\nexport const a = 1;' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'added top' } }] },
        ],
        'Add bottom export': [
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'packages/a/src/index.ts', old_string: 'export const end = true;', new_string: 'export const end = true;\nexport const bottom = 2;' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'added bottom' } }] },
        ],
        'Create b util': [
          { toolCalls: [{ name: 'write_file', arguments: { path: 'packages/b/src/util.ts', content: 'export const util = 1;\n' } }] },
          { content: 'Created the file.' },
        ],
      }),
    );
    const statusBefore = repo.git('status', '--porcelain');
    const headBefore = repo.git('rev-parse', 'HEAD');
    const summary = await runSprint({ cwd: repo.root, env: env(), runId: 'r1' });

    expect(summary.waves).toEqual([['add-bottom', 'new-file'], ['add-top']]);
    // a failed task's summary says why, so a failure here explains itself
    expect(summary.tasks.map((t) => [t.id, t.status === 'merged' ? t.status : `${t.status}: ${t.summary}`])).toEqual([
      ['add-bottom', 'merged'],
      ['new-file', 'merged'],
      ['add-top', 'merged'],
    ]);
    expect(repo.git('show', 'codewaves/r1:packages/a/src/index.ts')).toBe('export const top = 0;\nexport const a = 1;\n\nexport const end = true;\nexport const bottom = 2;\n');
    expect(repo.git('show', 'codewaves/r1:packages/b/src/util.ts')).toBe('export const util = 1;\n');
    // git grep exits 1 when nothing matches: no conflict markers anywhere on the integration branch
    expect(() => repo.git('grep', '-q', '<<<<<<<', 'codewaves/r1')).toThrow();
    // the user's checkout: same branch, same commit, same (clean) status
    expect(repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
    expect(repo.git('rev-parse', 'HEAD')).toBe(headBefore);
    expect(repo.git('status', '--porcelain')).toBe(statusBefore);

    // the model saw each task's own conversation, with the task prompt and the tool results
    const topRequests = server.requests.filter((r) => r.messages.some((m) => m.content?.includes('Add top export')));
    expect(topRequests).toHaveLength(3);
    expect(topRequests[1]!.messages.find((m) => m.role === 'tool')!.content).toContain('export const a = 1;');

    const thread = readThread(join(summary.threadsDir, 'threads', 'add-top.jsonl'));
    expect(thread.filter((e) => e.type === 'status').map((e) => (e as { status: string }).status)).toEqual(['queued', 'running', 'completed', 'merged']);
    expect(thread.some((e) => e.type === 'assistant' && e.reasoning === 'prepend')).toBe(true);
    expect(summary.tasks.find((t) => t.id === 'add-top')!.tokens.output).toBeGreaterThan(0);
  });

  it('shows a rate-limited task as such, retries after the server\'s wait, and completes it', async () => {
    let limited = false;
    const script = scriptedModel({
      'Add top export': [{ toolCalls: [{ name: 'finish', arguments: { summary: 'nothing to do' } }] }],
      'Add bottom export': [{ toolCalls: [{ name: 'finish', arguments: { summary: 'nothing to do' } }] }],
      'Create b util': [{ toolCalls: [{ name: 'write_file', arguments: { path: 'packages/b/src/util.ts', content: 'export const util = 1;\n' } }] }, { content: 'Done.' }],
    });
    server.setHandler((request) => {
      if (!limited && request.messages.some((m) => m.content?.includes('Create b util'))) {
        limited = true;
        return { kind: 'status', status: 429, retryAfterMs: 10 };
      }
      return script(request);
    });
    const summary = await runSprint({ cwd: repo.root, env: env(), runId: 'r-limited' });
    expect(summary.tasks.find((t) => t.id === 'new-file')!.status).toBe('merged');
    const statuses = readThread(join(summary.threadsDir, 'threads', 'new-file.jsonl'))
      .filter((e) => e.type === 'status')
      .map((e) => (e as { status: string }).status);
    expect(statuses).toEqual(['queued', 'running', 'rate-limited', 'running', 'completed', 'merged']);
    // the first wave has two agents: the 429 halves the model calls the pool allows at once
    const rateLimited = readThread(join(summary.threadsDir, 'threads', 'new-file.jsonl')).find((e) => e.type === 'status' && e.status === 'rate-limited');
    expect(rateLimited).toMatchObject({ reason: expect.stringMatching(/; the pool now allows 1 model call at once$/) });
  });

  it('fails before creating any branch or run when the model endpoint is unreachable', async () => {
    const branchesBefore = repo.git('branch', '--list');
    await expect(runSprint({ cwd: repo.root, env: { ...env(), OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' } })).rejects.toMatchObject({ code: 'MODEL_UNREACHABLE' });
    expect(repo.git('branch', '--list')).toBe(branchesBefore);
    // The plan's footprints may be kept in .codewaves/cache/; no run was begun.
    expect(existsSync(join(repo.root, '.codewaves', 'runs'))).toBe(false);
    expect(existsSync(join(repo.root, '.codewaves', 'latest-run'))).toBe(false);
  });

  it('refuses uncommitted edits to a file a task will change', async () => {
    repo.write({ 'packages/a/src/index.ts': 'export const dirty = 1;\n' });
    await expect(runSprint({ cwd: repo.root, env: env() })).rejects.toMatchObject({ code: 'DIRTY_WORKING_TREE', message: expect.stringContaining('packages/a/src/index.ts') });
  });

  it('fails a replayed task clearly when its transcript no longer fits the code', async () => {
    repo.write({
      'packages/b/codex/new-file.transcript.json': JSON.stringify({
        schemaVersion: 1,
        taskId: 'new-file',
        turns: [{ toolCalls: [{ name: 'edit_file', arguments: { path: 'packages/b/src/util.ts', old_string: 'x', new_string: 'y' } }] }, { toolCalls: [{ name: 'finish', arguments: { summary: 'done' } }] }],
      }),
    });
    repo.commit('transcript');
    const summary = await runSprint({ cwd: repo.root, env: { ...env(), OPENAI_API_KEY: '' }, onlyProjects: new Set(['b']), allowDirty: true, runId: 'r2' }).catch((e) => e);
    // add-bottom (project b) has no transcript and no key: that is a configuration error up front
    expect(summary).toMatchObject({ code: 'PROVIDER_CONFIG' });

    repo.git('rm', '-q', 'packages/b/codex/add-bottom.md');
    repo.commit('drop task');
    const result = await runSprint({ cwd: repo.root, env: { ...env(), OPENAI_API_KEY: '' }, onlyProjects: new Set(['b']), runId: 'r3' });
    const task = result.tasks.find((t) => t.id === 'new-file')!;
    expect(task.status).toBe('failed');
    expect(task.summary).toContain('no longer fits the code');
  });

  it('checks run_command against the run\'s and the task\'s command policy, in the worker', async () => {
    repo.write({ 'packages/b/codex/new-file.md': '---\ntitle: Create b util\ntouches: [packages/b/src/util.ts]\ncommands: { deny: [rm] }\n---\nCreate util.ts.' });
    repo.commit('a task with a deny list');
    const calls = (commands: string[]) => [...commands.map((command) => ({ toolCalls: [{ name: 'run_command', arguments: { command } }] })), { toolCalls: [{ name: 'finish', arguments: { summary: 'tried' } }] }];
    server.setHandler(
      scriptedModel({
        'Add top export': calls(['echo ok']),
        'Add bottom export': calls(['echo hi && git push origin HEAD']),
        'Create b util': calls(['rm -f packages/a/src/index.ts', 'npm install left-pad']),
      }),
    );
    const summary = await runSprint({ cwd: repo.root, env: env(), runId: 'r-policy', commandPolicy: { deny: ['npm install'] } });
    const results = (id: string) =>
      readThread(join(summary.threadsDir, 'threads', `${id}.jsonl`)).flatMap((e) => (e.type === 'tool-result' && e.name === 'run_command' ? [`${e.isError ? 'error' : 'ok'}: ${e.output.split('\n')[0]}`] : []));
    expect(results('add-top')).toEqual(['ok: exit code 0']);
    expect(results('add-bottom')).toEqual([expect.stringMatching(/^error: refused by the command policy, nothing was run: `git push origin HEAD` matches `git push` in the default deny list/)]);
    expect(results('new-file')).toEqual([
      'error: refused by the command policy, nothing was run: `rm -f packages/a/src/index.ts` matches `rm` in the front matter of packages/b/codex/new-file.md.',
      'error: refused by the command policy, nothing was run: `npm install left-pad` matches `npm install` in the run options.',
    ].map((line) => expect.stringContaining(line.slice(0, -1))));
    expect(summary.tasks.every((task) => task.status === 'merged')).toBe(true);
  });

  it('sets each worktree up before its agent, with ports of its own, and keeps what setup made out of the commits', async () => {
    const report = (command: string) => [{ toolCalls: [{ name: 'run_command', arguments: { command } }] }, { toolCalls: [{ name: 'finish', arguments: { summary: 'reported' } }] }];
    const portsCommand = 'echo "port=$PORT base=$CODEWAVES_PORT_BASE count=$CODEWAVES_PORT_COUNT setup=$(cat .setup-done)"';
    server.setHandler(scriptedModel({ 'Add top export': report(portsCommand), 'Add bottom export': report(portsCommand), 'Create b util': report(`${portsCommand} && echo 1 > packages/b/util.txt`) }));
    const summary = await runSprint({
      cwd: repo.root,
      env: { ...env(), CODEWAVES_FIRST_PORT: '43000' },
      runId: 'r-setup',
      setupCommand: 'echo "$CODEWAVES_TASK_ID on $PORT" > .setup-done && mkdir -p dist && echo built > dist/out.js',
    });
    const firstLine = (id: string) =>
      readThread(join(summary.threadsDir, 'threads', `${id}.jsonl`)).flatMap((e) => (e.type === 'tool-result' && e.name === 'run_command' ? [e.output.split('\n').find((line) => line.startsWith('port='))] : []));
    // one block of ten ports per task, by its place in the sprint; setup saw the same ones
    const lines = ['add-top', 'add-bottom', 'new-file'].map((id) => {
      const [line] = firstLine(id);
      const port = /^port=(\d+) /.exec(line ?? '')?.[1];
      expect(line).toBe(`port=${port} base=${port} count=10 setup=${id} on ${port}`);
      return Number(port);
    });
    expect(lines.sort()).toEqual([43000, 43010, 43020]);
    // what setup made is not the task's work; what the agent made is
    expect(summary.tasks.find((t) => t.id === 'new-file')!.files).toEqual(['packages/b/util.txt']);
    expect(summary.tasks.filter((t) => t.id !== 'new-file').every((t) => t.files.length === 0)).toBe(true);

    const failed = await runSprint({ cwd: repo.root, env: env(), runId: 'r-setup-fails', setupCommand: 'echo "no .env.example here" >&2; exit 3' });
    expect(failed.tasks.map((t) => t.status)).toEqual(['failed', 'failed', 'failed']);
    expect(failed.tasks[0]!.summary).toBe('the setup command `echo "no .env.example here" >&2; exit 3` failed (exit 3) before the agent started: no .env.example here');
  });

  it('fails a task that runs past its timeout, with the reason, and merges the others', async () => {
    repo.write({ 'packages/b/codex/new-file.md': '---\ntitle: Create b util\ntouches: [packages/b/src/util.ts]\ntimeout: 5s\n---\nCreate util.ts.' });
    const base = repo.commit('a task with a timeout');
    const finish = [{ toolCalls: [{ name: 'finish', arguments: { summary: 'nothing to do' } }] }];
    const script = scriptedModel({
      'Add top export': finish,
      'Add bottom export': finish,
      'Create b util': [{ toolCalls: [{ name: 'write_file', arguments: { path: 'packages/b/src/util.ts', content: 'export const util = 1;\n' } }] }, { content: 'never seen' }],
    });
    let slowed = 0;
    server.setHandler((request) => {
      // the second turn of the timed task: the model takes far longer than the task may
      if (request.messages.some((m) => m.content?.includes('Create b util')) && request.messages.some((m) => m.role === 'tool') && slowed++ === 0) {
        return [{ kind: 'delay', ms: 20_000 }, { content: 'too late' }];
      }
      return script(request);
    });
    const summary = await runSprint({ cwd: repo.root, env: env(), runId: 'r-timeout', taskTimeoutMs: 60_000 });
    const task = summary.tasks.find((t) => t.id === 'new-file')!;
    expect([task.status, task.summary]).toEqual(['failed', 'timed out after 5s (stopped while the model was answering)']);
    expect(summary.tasks.filter((t) => t.id !== 'new-file').map((t) => t.status)).toEqual(['merged', 'merged']);
    const statuses = readThread(join(summary.threadsDir, 'threads', 'new-file.jsonl')).filter((e) => e.type === 'status');
    expect(statuses.at(-1)).toMatchObject({ status: 'failed', reason: 'timed out after 5s' });
    // nothing half-done was committed: the task's branch is still at the base
    expect(repo.git('rev-parse', task.branch).trim()).toBe(base);
  });

  it('records tokens and cost per task, per wave and for the run, and shows them', async () => {
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 100_000, cached_tokens: 400_000 };
    const finish = [{ toolCalls: [{ name: 'finish', arguments: { summary: 'nothing to do' } }], usage }];
    server.setHandler(scriptedModel({ 'Add top export': finish, 'Add bottom export': finish, 'Create b util': finish }));
    const run = (runId: string, extra: Record<string, string> = {}) => runSprint({ cwd: repo.root, env: { ...env(), CODEWAVES_MODEL: 'gpt-5', ...extra }, runId, concurrency: 1 });

    // the test server answers as the model asked for; gpt-5 is in the built-in table: 0.6M x 1.25 + 0.4M x 0.125 + 0.1M x 10 per 1M
    const priced = await run('r-cost');
    const each = 0.6 * 1.25 + 0.4 * 0.125 + 0.1 * 10;
    expect(priced.tasks.map((t) => [t.id, t.model, t.tokens, t.costUsd])).toEqual(
      ['add-bottom', 'new-file', 'add-top'].map((id) => [id, 'gpt-5', { input: 1_000_000, output: 100_000, cachedInput: 400_000 }, expect.closeTo(each, 10)]),
    );
    expect(priced.usage!.waves.map((w) => w.costUsd)).toEqual([expect.closeTo(2 * each, 10), expect.closeTo(each, 10)]);
    expect(priced.usage!.total).toEqual({ input: 3_000_000, cachedInput: 1_200_000, output: 300_000, costUsd: expect.closeTo(3 * each, 10), unpriced: [] });
    const text = renderSummaryText(priced);
    expect(text).toContain('  wave 1  (2,200,000 tokens, $3.60)');
    expect(text).toMatch(/merged\s+add-top  0 files, 1,100,000 tokens \(\$1\.80\)/);
    expect(text).toContain('tokens: 3,000,000 input (1,200,000 cached), 300,000 output; cost $5.40 (approximate list prices as of 2025-08');

    // a model with no price: tokens, and the cost says unknown instead of guessing
    const unknown = await run('r-unknown', { CODEWAVES_MODEL: 'local-llama' });
    expect(unknown.usage!.total).toMatchObject({ input: 3_000_000, costUsd: null, unpriced: ['add-bottom', 'new-file', 'add-top'] });
    expect(renderSummaryText(unknown)).toContain('cost unknown for add-bottom, new-file, add-top: no price for the model that answered');

    // a price file gives it one; the review commands show it too
    const prices = join(worktrees, 'prices.json');
    writeFileSync(prices, JSON.stringify({ 'local-llama': { input: 0.1, output: 1 } }));
    const cliEnv = { ...process.env, ...GIT_TEST_ENV, CODEWAVES_WORKTREES: worktrees, CODEWAVES_PRICES: prices };
    const threads = JSON.parse((await runCli(repo.root, ['threads', '--json', '--run', 'r-unknown'], cliEnv)).stdout);
    expect(threads.threads[0]).toMatchObject({ model: 'local-llama', tokens: { input: 1_000_000, cachedInput: 400_000, output: 100_000 }, costUsd: expect.closeTo(0.2, 10) });
    const shown = await runCli(repo.root, ['show', 'add-top', '--run', 'r-unknown'], cliEnv);
    expect(shown.stdout).toContain('tokens: 1,000,000 input (400,000 cached), 100,000 output; cost $0.20 (approximate list prices as of 2025-08 unless overridden by --prices or CODEWAVES_PRICES) [model local-llama]');
    const noPrice = await runCli(repo.root, ['show', 'add-top', '--run', 'r-unknown'], { ...cliEnv, CODEWAVES_PRICES: '' });
    expect(noPrice.stdout).toContain('cost unknown for add-top: no price');
  });
});
