#!/usr/bin/env node
// A stand-in for an external agent CLI such as `codex exec --json`, for the command provider's tests:
// a real process that edits files in its working directory and reports what it did as codex-style JSONL.
//
//   fake-agent-cli.mjs [--json] [--stdin] [--record FILE] [--write PATH=TEXT]... [--fail MESSAGE] [--exit N] [--hang] [PROMPT]
//
// --record FILE writes {argv, prompt, cwd, env} there (FILE is outside the worktree); --hang starts a
// grandchild and waits forever, recording both pids, so a test can check the whole group is killed.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const args = process.argv.slice(2);
const opts = { json: false, stdin: false, writes: [], exit: 0 };
const positional = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--json') opts.json = true;
  else if (arg === '--stdin') opts.stdin = true;
  else if (arg === '--hang') opts.hang = true;
  else if (arg === '--record') opts.record = args[++i];
  else if (arg === '--write') opts.writes.push(args[++i]);
  else if (arg === '--fail') opts.fail = args[++i];
  else if (arg === '--exit') opts.exit = Number(args[++i]);
  else positional.push(arg);
}
const prompt = opts.stdin ? readFileSync(0, 'utf8') : positional.join(' ');
const emit = (event) => opts.json && process.stdout.write(`${JSON.stringify(event)}\n`);
const record = (extra = {}) => {
  if (!opts.record) return;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['PATH', 'HOME', 'PWD', 'SHLVL', '_'].includes(name)));
  writeFileSync(opts.record, JSON.stringify({ argv: process.argv.slice(2), prompt, cwd: process.cwd(), env, ...extra }, null, 2));
};

if (opts.hang) {
  // First thing, so a test on a loaded machine has the pids before any timeout fires.
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  record({ pids: [process.pid, child.pid] });
  setInterval(() => {}, 1000);
}
emit({ type: 'thread.started', thread_id: 'fake-thread-1' });
emit({ type: 'turn.started' });
emit({ type: 'item.completed', item: { id: 'item_0', type: 'reasoning', text: '**Reading the task**' } });
process.stdout.write('a plain progress line that is not an event\n');
process.stderr.write('fake-agent: working\n');

if (!opts.hang) {
  const command = 'git status --short';
  emit({ type: 'item.started', item: { id: 'item_1', type: 'command_execution', command, aggregated_output: '', exit_code: null, status: 'in_progress' } });
  const output = execFileSync('git', ['status', '--short'], { encoding: 'utf8' });
  emit({ type: 'item.completed', item: { id: 'item_1', type: 'command_execution', command, aggregated_output: output, exit_code: 0, status: 'completed' } });
  const changes = [];
  for (const spec of opts.writes) {
    const at = spec.indexOf('=');
    const path = resolve(spec.slice(0, at));
    const kind = existsSync(path) ? 'update' : 'add';
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, spec.slice(at + 1).replace(/\\n/g, '\n'));
    changes.push({ path, kind });
  }
  if (changes.length > 0) emit({ type: 'item.completed', item: { id: 'item_2', type: 'file_change', changes, status: 'completed' } });
  record();
  if (opts.fail) {
    emit({ type: 'turn.failed', error: { message: opts.fail } });
    process.stderr.write(`fake-agent: ${opts.fail}\n`);
    process.exit(opts.exit || 1);
  }
  emit({ type: 'item.completed', item: { id: 'item_3', type: 'agent_message', text: `Done: wrote ${changes.length} file(s).` } });
  emit({ type: 'turn.completed', usage: { input_tokens: 1200, cached_input_tokens: 200, output_tokens: 300 } });
  process.exit(opts.exit);
}
