#!/usr/bin/env node
// `npm run demo`: copies examples/api-sprint into a fresh git repository in the temp folder and runs
// `nx run-many -t codex` there. Offline on the recorded transcripts beside each task file, unless
// OPENAI_API_KEY is set (then a real model does the work; OPENAI_BASE_URL picks any compatible server).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = join(repoRoot, 'examples', 'api-sprint');
const workspace = mkdtempSync(join(tmpdir(), 'codewaves-demo-'));

cpSync(example, workspace, { recursive: true, filter: (source) => !/[\\/](node_modules|\.nx|\.codewaves)([\\/]|$)/.test(source) });
// The demo workspace borrows this repository's installed packages: nx, and @codewaves/nx itself.
symlinkSync(join(repoRoot, 'node_modules'), join(workspace, 'node_modules'), 'dir');

const git = (...args) =>
  execFileSync('git', args, {
    cwd: workspace,
    stdio: 'pipe',
    env: { ...process.env, GIT_AUTHOR_NAME: 'demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'demo', GIT_COMMITTER_EMAIL: 'demo@example.com' },
  });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-q', '--no-gpg-sign', '-m', 'api-sprint: the workspace before the sprint');

const live = Boolean(process.env.OPENAI_API_KEY);
console.log(`codewaves demo: ${workspace}`);
console.log(
  live
    ? `Using a real model: ${process.env.OPENAI_BASE_URL || 'https://api.openai.com/v1'} (${process.env.CODEWAVES_MODEL || 'gpt-5-codex'}).`
    : 'Offline: each agent replays its recorded transcript (set OPENAI_API_KEY to use a real model).',
);
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  CODEWAVES_WORKTREES: join(workspace, '..', `${workspace.split(/[\\/]/).pop()}-worktrees`),
};
const nx = spawn(join(workspace, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'codex', '--output-style=stream'], { cwd: workspace, env, stdio: 'inherit' });
nx.on('exit', (code) => {
  if (code === 0) {
    console.log(`\nThe demo workspace stays at ${workspace}: cd there and try the commands above.`);
  }
  process.exit(code ?? 1);
});
