import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitRepo, type GitFixture } from '../../../../../tools/testing/git-fixture';
import { createWorktree, removeWorktree, type Worktree } from '../../sandbox';
import type { AgentEvent } from '../agent-event';
import { parseTaskFile } from '../../tasks';
import { commandArgv, parseCommandLine } from './command-line';
import { runCommandAgent, type CommandAgentConfig } from './command-provider';
import { resolveProvider } from './provider-config';

const FAKE_AGENT = join(__dirname, '../../../../../tools/testing/fake-agent-cli.mjs');

describe('parseCommandLine', () => {
  it('splits words like a shell and interprets nothing else', () => {
    expect(parseCommandLine(`codex exec --json '{prompt}'`)).toEqual(['codex', 'exec', '--json', '{prompt}']);
    expect(parseCommandLine(`aider --message "a \\"quoted\\" word" it\\'s ''`)).toEqual(['aider', '--message', 'a "quoted" word', "it's", '']);
    expect(parseCommandLine('echo $(touch pwned); rm -rf / `id` | cat')).toEqual(['echo', '$(touch', 'pwned);', 'rm', '-rf', '/', '`id`', '|', 'cat']);
  });

  it('rejects an unclosed quote and an empty command, with the fix', () => {
    expect(() => parseCommandLine('claude -p "oops')).toThrow(/unclosed double quote/);
    expect(() => commandArgv('   ')).toThrow(/the agent command is empty/);
    expect(() => commandArgv([])).toThrow(/the agent command is empty/);
  });
});

describe('runCommandAgent (a real process in a real worktree)', () => {
  let repo: GitFixture;
  let worktrees: string;
  let worktree: Worktree;
  let record: string;
  beforeEach(async () => {
    repo = gitRepo({ 'README.md': '# demo\n', 'src/index.ts': 'export const a = 1;\n' });
    worktrees = mkdtempSync(join(tmpdir(), 'codewaves-cmd-worktrees-'));
    record = join(worktrees, 'record.json');
    worktree = await createWorktree({ workspaceRoot: repo.root, runId: 'r1', taskId: 't1', branch: 'codewaves/tasks/r1/t1', base: 'main', env: { CODEWAVES_WORKTREES: worktrees } });
  });
  afterEach(async () => {
    // Hygiene only (the tests assert the kills): a process a failed test left behind must not keep Jest alive.
    if (existsSync(record)) for (const pid of recorded().pids ?? []) killQuietly(pid);
    await removeWorktree(repo.root, worktree.path);
    repo.remove();
    rmSync(worktrees, { recursive: true, force: true });
  });
  const fake = (...args: string[]): CommandAgentConfig => ({ kind: 'command', argv: [process.execPath, FAKE_AGENT, '--record', record, ...args], allowEnv: [] });
  const run = async (config: CommandAgentConfig, options: { prompt?: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {}) => {
    const events: AgentEvent[] = [];
    const outcome = await runCommandAgent(config, { prompt: options.prompt ?? 'Add a notes file', worktree: worktree.path, env: options.env, signal: options.signal, onEvent: (event) => events.push(event) });
    return { outcome, events };
  };
  const recorded = () => JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; prompt: string; cwd: string; env: Record<string, string>; pids?: number[] };

  it('reads codex exec --json events into the thread and records the exit and the files changed', async () => {
    const { outcome, events } = await run(fake('--json', '--write', 'src/notes.ts=export const notes = [];\\n', '--write', 'README.md=# demo\\nmore\\n', '{prompt}'));

    expect(outcome).toEqual({ status: 'completed', summary: 'Done: wrote 2 file(s).', turns: 3, usage: { inputTokens: 1200, outputTokens: 300 }, wrote: ['README.md', 'src/notes.ts'] });
    expect(recorded().cwd).toBe(worktree.path);
    expect(readFileSync(join(worktree.path, 'src/notes.ts'), 'utf8')).toBe('export const notes = [];\n');
    expect(events.map((event) => event.type)).toEqual(['message', 'assistant', 'tool-result', 'assistant', 'tool-result', 'assistant', 'agent-process']);
    expect(events[0]).toEqual({ type: 'message', role: 'user', content: 'Add a notes file' });
    expect(events[1]).toEqual({ type: 'assistant', turn: 1, reasoning: '**Reading the task**', toolCalls: [{ id: 'item_1', name: 'run_command', arguments: '{"command":"git status --short"}' }] });
    expect(events[2]).toMatchObject({ type: 'tool-result', toolCallId: 'item_1', name: 'run_command', isError: false });
    expect((events[2] as { output: string }).output.startsWith('exit code 0\n')).toBe(true);
    expect(events[3]).toMatchObject({ type: 'assistant', turn: 2, toolCalls: [{ id: 'item_2', name: 'apply_patch' }] });
    expect(events[4]).toMatchObject({ type: 'tool-result', name: 'apply_patch', isError: false, wrote: ['src/notes.ts', 'README.md'], output: 'completed\nadd src/notes.ts\nupdate README.md' });
    expect(events[5]).toEqual({ type: 'assistant', turn: 3, content: 'Done: wrote 2 file(s).', toolCalls: [], usage: { inputTokens: 1200, outputTokens: 300 } });
    expect(events[6]).toEqual({
      type: 'agent-process',
      command: fake('--json', '--write', 'src/notes.ts=export const notes = [];\\n', '--write', 'README.md=# demo\\nmore\\n', '{prompt}').argv,
      exitCode: 0,
      signal: null,
      timedOut: false,
      changed: ['README.md', 'src/notes.ts'],
      stdout: 'a plain progress line that is not an event\n',
      stderr: 'fake-agent: working\n',
    });
  });

  it('never lets the prompt reach a shell: it arrives as one argument, or on stdin, byte for byte', async () => {
    const prompt = `Fix it $(touch pwned) and \`touch pwned2\`; rm -rf src; echo "quoted" 'single'\nsecond line && touch pwned3 | cat > pwned4 $HOME`;
    await run(fake('--write', 'x.txt=1', '{prompt}'), { prompt });
    expect(recorded().argv.at(-1)).toBe(prompt);
    expect(recorded().prompt).toBe(prompt);

    await run(fake('--stdin'), { prompt });
    expect(recorded().prompt).toBe(prompt);
    expect(recorded().argv).toEqual(['--record', record, '--stdin']);

    // a command given as one line is split into words, never run by a shell either
    await run({ kind: 'command', argv: commandArgv(`'${process.execPath}' '${FAKE_AGENT}' --record '${record}' {prompt}; touch pwned5`), allowEnv: [] }, { prompt });
    expect(recorded().argv.slice(-3)).toEqual([`${prompt};`, 'touch', 'pwned5']);
    expect(recorded().prompt).toBe(`${prompt}; touch pwned5`);

    for (const name of ['pwned', 'pwned2', 'pwned3', 'pwned4', 'pwned5']) {
      expect(existsSync(join(worktree.path, name))).toBe(false);
      expect(existsSync(join(process.cwd(), name))).toBe(false);
    }
    expect(existsSync(join(worktree.path, 'src/index.ts'))).toBe(true);
  });

  it('strips secrets from its environment except those allowed by name', async () => {
    const env = { PATH: process.env.PATH, OPENAI_API_KEY: 'sk-openai', ANTHROPIC_API_KEY: 'sk-ant', GITHUB_TOKEN: 'ghp', GIT_DIR: '/elsewhere', MY_SETTING: 'visible' };
    await run({ ...fake('{prompt}'), allowEnv: ['ANTHROPIC_API_KEY'] }, { env });
    expect(recorded().env).toEqual({ ANTHROPIC_API_KEY: 'sk-ant', MY_SETTING: 'visible' });
  });

  it('fails the thread on a non-zero exit, with the reason the agent gave', async () => {
    const { outcome, events } = await run(fake('--json', '--write', 'half.txt=partial', '--fail', 'the model refused', '{prompt}'));
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toBe(`${process.execPath} exited with code 1: the model refused`);
    expect(outcome.wrote).toEqual(['half.txt']);
    expect(events.filter((event) => event.type === 'error').map((event) => (event as { message: string }).message)).toEqual(['the model refused', outcome.error]);

    const plain = await run(fake('--exit', '3', '{prompt}'));
    expect(plain.outcome).toMatchObject({ status: 'failed', error: `${process.execPath} exited with code 3: fake-agent: working`, turns: 0 });
    expect(plain.events.at(-2)).toMatchObject({ type: 'agent-process', exitCode: 3, stdout: 'a plain progress line that is not an event\n' });
  });

  it('says so when the agent CLI cannot be started', async () => {
    const { outcome } = await run({ kind: 'command', argv: ['codewaves-no-such-agent-cli', '{prompt}'], allowEnv: [] });
    expect(outcome).toMatchObject({ status: 'failed', error: 'cannot start the agent command `codewaves-no-such-agent-cli`: not found (is it installed and on PATH?)' });

    const huge = await run(fake('{prompt}'), { prompt: 'x'.repeat(200 * 1024) });
    expect(huge.outcome.error).toContain('leave {prompt} out of the command so the prompt goes on stdin');
  });

  it('kills the whole process group on abort: nothing the agent started survives', async () => {
    const controller = new AbortController();
    const running = run(fake('--hang', '{prompt}'), { signal: controller.signal });
    while (!existsSync(record)) await new Promise((resolve) => setTimeout(resolve, 20));
    const pids = recorded().pids!;
    controller.abort();
    const { outcome } = await running;
    expect(outcome.status).toBe('cancelled');
    await expectGone(pids);
  });

  it('kills the whole process group on timeout and fails with the reason', async () => {
    const { outcome } = await run({ ...fake('--hang', '{prompt}'), timeoutMs: 5000 });
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.error).toMatch(/was stopped after 5 s \(timeout\)/);
    await expectGone(recorded().pids!);
  });
});

describe('resolveProvider for the command provider', () => {
  const task = (agent: string) => parseTaskFile('codex/t.md', `---\ntitle: T\n${agent}\n---\nDo it.`);
  it('takes the command from the task, else the run options, else CODEWAVES_AGENT_COMMAND', () => {
    expect(resolveProvider(task('agent: { command: [codex, exec, --json, "{prompt}"], allowEnv: [OPENAI_API_KEY] }'), '/ws', {}, {})).toEqual({
      kind: 'command',
      argv: ['codex', 'exec', '--json', '{prompt}'],
      allowEnv: ['OPENAI_API_KEY'],
    });
    expect(resolveProvider(task(''), '/ws', { agentCommand: 'claude -p' }, { OPENAI_API_KEY: 'k' })).toEqual({ kind: 'command', argv: ['claude', '-p'], allowEnv: [] });
    expect(resolveProvider(task('agent: { provider: command }'), '/ws', {}, { CODEWAVES_AGENT_COMMAND: 'aider --message {prompt}', CODEWAVES_AGENT_ENV: 'A_KEY, B_TOKEN' })).toEqual({
      kind: 'command',
      argv: ['aider', '--message', '{prompt}'],
      allowEnv: ['A_KEY', 'B_TOKEN'],
    });
    expect(() => resolveProvider(task('agent: { provider: command }'), '/ws', {}, {})).toThrow(/names no agent command/);
  });
});

async function expectGone(pids: number[]): Promise<void> {
  // SIGKILL follows SIGTERM after a grace period; this waits for the group to be gone, it does not time it.
  const alive = () => pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  for (let i = 0; i < 100 && alive().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(alive()).toEqual([]);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
