import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAIServer, type Fault, type OpenAIServer, type ScriptedReply } from '../../../../tools/openai-server';
import type { AgentEvent } from './agent-event';
import { createOpenAIClient } from './providers/openai-provider';
import { runAgent } from './run-agent';
import { processEnds } from '../../../../tools/testing/processes';

// The real SDK over HTTP to a local server that answers slowly on purpose.
describe('runAgent with a task timeout', () => {
  let server: OpenAIServer;
  let script: Array<Fault | ScriptedReply | Array<Fault | ScriptedReply>>;
  let worktree: string;
  beforeAll(async () => {
    server = await startOpenAIServer({ handler: () => script.shift() ?? { content: 'out of script' } });
  });
  afterAll(() => server.close());
  beforeEach(() => (worktree = realpathSync(mkdtempSync(join(tmpdir(), 'codewaves-timeout-')))));
  afterEach(() => rmSync(worktree, { recursive: true, force: true }));

  const run = (timeoutMs: number, events: AgentEvent[] = []) =>
    runAgent({
      model: createOpenAIClient({ model: 'test-model', apiKey: 'test', baseURL: server.url }),
      instructions: 'work',
      prompt: 'go',
      roots: { worktree },
      timeoutMs,
      onEvent: (event) => events.push(event),
    });

  it('stops waiting for a slow model and fails the agent with the reason', async () => {
    script = [[{ kind: 'delay', ms: 10_000 }, { content: 'too late' }]];
    const started = Date.now();
    const events: AgentEvent[] = [];
    const outcome = await run(500, events);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome).toMatchObject({ status: 'failed', error: 'timed out after 0.5s', summary: 'timed out after 0.5s (stopped while the model was answering)' });
    expect(events.at(-1)).toEqual({ type: 'error', message: 'timed out after 0.5s' });
  });

  it('kills the command that is running, with everything it started, and answers every pending tool call', async () => {
    script = [
      {
        toolCalls: [
          { name: 'run_command', arguments: { command: 'sleep 30 & echo $! > bg.pid; wait', timeoutSeconds: 300 } },
          { name: 'write_file', arguments: { path: 'late.txt', content: 'written after the deadline?' } },
        ],
      },
    ];
    const events: AgentEvent[] = [];
    const outcome = await run(1_500, events);
    expect(outcome).toMatchObject({ status: 'failed', error: 'timed out after 1.5s' });
    const results = events.flatMap((event) => (event.type === 'tool-result' ? [[event.name, event.output.split('\n')[0]]] : []));
    expect(results).toEqual([
      ['run_command', 'killed by SIGTERM'],
      ['write_file', 'not run: the agent was stopped'],
    ]);
    expect(existsSync(join(worktree, 'late.txt'))).toBe(false);
    const pid = Number(readFileSync(join(worktree, 'bg.pid'), 'utf8'));
    expect(await processEnds(pid)).toBe(true);
  });

  it('leaves an agent that finishes in time alone', async () => {
    script = [{ toolCalls: [{ name: 'finish', arguments: { summary: 'quick' } }] }];
    expect(await run(5_000)).toMatchObject({ status: 'completed', summary: 'quick' });
  });
});
