import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptedModel, startOpenAIServer, type OpenAIServer } from '../../../../tools/openai-server';
import { gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import type { Transcript } from '../agent';
import { runSprint } from './run-sprint';

// Record a run against a real (local, scripted) OpenAI-compatible server through the SDK and the
// worker pool, then replay the transcript with the server gone: the same result, offline.
describe('record, then replay', () => {
  let server: OpenAIServer;
  let repo: GitFixture;
  let worktrees: string;
  const transcriptFile = () => join(repo.root, 'codex', 'greeting.transcript.json');

  beforeEach(async () => {
    server = await startOpenAIServer({
      handler: scriptedModel({
        'Say hi': [
          { reasoning: 'look first', toolCalls: [{ name: 'read_file', arguments: { path: 'src/greet.ts' } }] },
          // a mistake the model corrects: recorded as failed, so replay expects it to fail again
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/greet.ts', old_string: "'helo'", new_string: "'hi'" } }] },
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/greet.ts', old_string: "'hello'", new_string: "'hi'" } }] },
          { toolCalls: [{ name: 'write_file', arguments: { path: 'src/farewell.ts', content: "export const farewell = 'bye';\n" } }], usage: { prompt_tokens: 50, completion_tokens: 7 } },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'greets with hi' } }] },
        ],
      }),
    });
    worktrees = mkdtempSync(join(tmpdir(), 'codewaves-worktrees-'));
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true }),
      'src/greet.ts': "export const greeting = 'hello';\n",
      'codex/greeting.md': '---\ntitle: Say hi\ntouches: [src/greet.ts, src/farewell.ts]\n---\nGreet with hi, and add a farewell.',
    });
  });
  afterEach(async () => {
    await server.close();
    repo.remove();
    rmSync(worktrees, { recursive: true, force: true });
  });
  const env = () => ({ ...process.env, OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: server.url, CODEWAVES_WORKTREES: worktrees });
  const files = (branch: string) => ({ greet: repo.git('show', `${branch}:src/greet.ts`), farewell: repo.git('show', `${branch}:src/farewell.ts`) });

  it('records every model turn to the transcript replay reads, and replays it offline to the same files', async () => {
    const recorded = await runSprint({ cwd: repo.root, runId: 'rec', provider: 'record', env: env() });
    expect(recorded.tasks[0]).toMatchObject({ status: 'merged' });
    const transcript = JSON.parse(readFileSync(transcriptFile(), 'utf8')) as Transcript;
    expect(transcript).toMatchObject({ schemaVersion: 1, taskId: 'greeting', model: 'gpt-5-codex' });
    expect(transcript.turns).toHaveLength(5);
    expect(transcript.turns[0]).toMatchObject({ reasoning: 'look first', toolCalls: [{ name: 'read_file', arguments: { path: 'src/greet.ts' } }] });
    expect(transcript.turns[1]!.toolCalls![0]).toMatchObject({ name: 'edit_file', failed: true });
    expect(transcript.turns[2]!.toolCalls![0]!.failed).toBeUndefined();
    expect(transcript.turns[3]!.usage).toEqual({ inputTokens: 50, outputTokens: 7 });
    const live = files(recorded.integrationBranch);
    expect(live).toEqual({ greet: "export const greeting = 'hi';\n", farewell: "export const farewell = 'bye';\n" });

    await server.close();
    const requestsBefore = server.requests.length;
    // No key, no server: the transcript beside the task file is replayed.
    const replayed = await runSprint({ cwd: repo.root, runId: 'replay', env: { ...env(), OPENAI_API_KEY: '', OPENAI_BASE_URL: '' } });
    expect(replayed.tasks[0]).toMatchObject({ status: 'merged', summary: 'greets with hi', tokens: { input: expect.any(Number), output: expect.any(Number) } });
    expect(files(replayed.integrationBranch)).toEqual(live);
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('fails a replay whose transcript no longer fits the code, naming the transcript and the turn, and says to re-record', async () => {
    await runSprint({ cwd: repo.root, runId: 'rec', provider: 'record', env: env() });
    await server.close();
    repo.write({ 'src/greet.ts': "export const greeting = 'howdy';\n" });
    repo.commit('the code moved on');

    const replayed = await runSprint({ cwd: repo.root, runId: 'replay', provider: 'replay', env: { ...env(), OPENAI_API_KEY: '' } });
    const task = replayed.tasks[0]!;
    expect(task.status).toBe('failed');
    expect(task.summary).toContain(`the recorded transcript ${transcriptFile()} no longer fits the code: turn 3 called edit_file, which failed`);
    expect(task.summary).toContain('re-record it against the current code');
    expect(task.summary).toContain('codewaves run --provider record');
  });
});
