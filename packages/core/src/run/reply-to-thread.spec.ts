import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptedModel, startOpenAIServer, type OpenAIServer } from '../../../../tools/openai-server';
import { GIT_TEST_ENV, gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import { runCli } from '../../../../tools/testing/run-cli';
import { runSprint } from './run-sprint';

// A question answered with `reply`, and a follow-up that keeps context: real SDK, real git.
describe('replyToThread', () => {
  let server: OpenAIServer;
  let repo: GitFixture;
  let worktrees: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    let flakyCalls = 0;
    const script = scriptedModel({
        'Flaky task': [
          { toolCalls: [{ name: 'write_file', arguments: { path: 'src/flaky.ts', content: 'export const flaky = false;\n' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'done at last' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'already done' } }] },
        ],
        'Greeting text': [
          { toolCalls: [{ name: 'ask_user', arguments: { question: 'Which greeting should it say?' } }] },
          { toolCalls: [{ name: 'write_file', arguments: { path: 'src/greeting.ts', content: "export const greeting = 'Hello there';\n" } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'greeting set as asked' } }] },
        ],
        'Farewell text': [
          { toolCalls: [{ name: 'write_file', arguments: { path: 'src/farewell.ts', content: "export const farewell = 'Bye';\n" } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'farewell added' } }] },
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/farewell.ts', old_string: "'Bye'", new_string: "'Goodbye'" } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'longer farewell' } }] },
        ],
      });
    server = await startOpenAIServer({
      // The flaky task's first call is rejected: the task fails; after that the script answers.
      handler: (request) => (request.messages.some((m) => m.content?.includes('Flaky task')) && flakyCalls++ === 0 ? { kind: 'status', status: 400 } : script(request)),
    });
    worktrees = mkdtempSync(join(tmpdir(), 'codewaves-worktrees-'));
    repo = gitRepo({
      'package.json': '{"name":"ws","private":true}',
      'codex/greeting.md': '---\ntitle: Greeting text\ntouches: [src/greeting.ts]\n---\nAdd the greeting.',
      'codex/farewell.md': '---\ntitle: Farewell text\ntouches: [src/farewell.ts]\n---\nAdd the farewell.',
      'codex/flaky.md': '---\ntitle: Flaky task\ntouches: [src/flaky.ts]\n---\nAdd the flag.',
    });
    env = { ...process.env, ...GIT_TEST_ENV, OPENAI_API_KEY: 'test', OPENAI_BASE_URL: server.url, CODEWAVES_WORKTREES: worktrees };
    await runSprint({ cwd: repo.root, runId: 'r1', env });
  });
  afterAll(async () => {
    await server.close();
    repo.remove();
    rmSync(worktrees, { recursive: true, force: true });
  });

  it('leaves a thread that asked a question waiting for input, unmerged', async () => {
    const threads = JSON.parse((await runCli(repo.root, ['threads', '--json'], env)).stdout).threads;
    expect(threads.map((t: { id: string; status: string }) => [t.id, t.status])).toEqual([
      ['farewell', 'merged'],
      ['flaky', 'failed'],
      ['greeting', 'waiting-for-input'],
    ]);
    expect(threads[2].reason).toBe('Which greeting should it say?');
  });

  it('answers it with reply: the agent continues with its history and the result merges', async () => {
    const result = await runCli(repo.root, ['reply', 'greeting', 'Say', 'Hello', 'there'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('greeting: merged');
    expect(repo.git('show', 'codewaves/r1:src/greeting.ts')).toBe("export const greeting = 'Hello there';\n");
    const last = server.requests.filter((r) => r.messages.some((m) => m.content?.includes('Greeting text'))).at(-1)!;
    expect(last.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'user', 'assistant', 'tool']);
    expect(last.messages[4]!.content).toBe('Say Hello there');
  });

  it('follows up on a finished thread with its context kept', async () => {
    const before = server.requests.length;
    const result = await runCli(repo.root, ['reply', 'farewell', 'Make', 'it', 'longer'], env);
    expect(result.code).toBe(0);
    expect(repo.git('show', 'codewaves/r1:src/farewell.ts')).toBe("export const farewell = 'Goodbye';\n");
    const first = server.requests[before]!;
    expect(first.messages.filter((m) => m.role === 'assistant')).toHaveLength(2);
    expect(first.messages.at(-1)).toMatchObject({ role: 'user', content: 'Make it longer' });
    expect(repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
  });

  it('retries a failed task from the integration head with --fresh, keeping nothing it did not do', async () => {
    const result = await runCli(repo.root, ['retry', 'flaky', '--fresh'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('flaky: running (started over on the integration head)');
    expect(repo.git('show', 'codewaves/r1:src/flaky.ts')).toBe('export const flaky = false;\n');
    const fresh = server.requests.filter((r) => r.messages.some((m) => m.content?.includes('Flaky task'))).at(-2)!;
    expect(fresh.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(repo.git('branch', '--list', 'codewaves/tasks/r1/flaky-attempt-1').trim()).toBe('codewaves/tasks/r1/flaky-attempt-1');
  });

  it('retries with the conversation, telling the agent how the last attempt ended', async () => {
    const result = await runCli(repo.root, ['retry', 'flaky'], env);
    expect(result.code).toBe(0);
    const last = server.requests.filter((r) => r.messages.some((m) => m.content?.includes('Flaky task'))).at(-1)!;
    expect(last.messages.at(-1)!.content).toContain('Try again. Your previous attempt ended as merged');
  });
});
