#!/usr/bin/env node
// Agents bench: 16 agents at once against the same 16 agents one at a time, through the real
// runSprint (planning, worktrees, the piscina pool, the agent loop, the openai SDK over HTTP,
// commits, wave merges). The model is the local OpenAI-compatible test server (tools/openai-server)
// with a scripted model that waits --delay-ms before every answer, standing in for a real model's
// latency. Each agent makes --turns model calls: read_file, write_file, run_command, then finish.
//
//   npm run build && node tools/bench/agents-bench.mjs [--out bench-results/agents.json] [--agents 16] [--delay-ms 300]
//
// Reports the wall-clock ratio, where the time goes beyond the model's own latency (setup, pool
// start, worktree creation, per model call, per tool call, commit and merge per agent), and the
// process's peak resident memory (RSS: main thread and worker threads) while 16 agents run. The
// server runs in a process of its own, as a real model would be elsewhere; run_command's children
// are separate processes too and not counted.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at < 0 ? fallback : argv[at + 1];
};
const out = resolve(option('--out', join(root, 'bench-results', 'agents.json')));
const agents = Number(option('--agents', '16'));
const delayMs = Number(option('--delay-ms', '300'));
if (!Number.isInteger(agents) || agents < 1 || !Number.isInteger(delayMs) || delayMs < 0) {
  console.error('usage: agents-bench.mjs [--out FILE] [--agents N] [--delay-ms MS]');
  process.exit(2);
}

let core;
try {
  core = require('../../packages/core/dist');
} catch (error) {
  console.error(`cannot load packages/core/dist (build first: npm run build): ${error.message}`);
  process.exit(2);
}
const { runSprint, AgentPool } = core;

// The test server is TypeScript used by the tests; compile it once for this script (about 2 s).
const scratch = mkdtempSync(join(tmpdir(), 'codewaves-agents-bench-'));
const serverDir = join(scratch, 'openai-server');
execFileSync(
  join(root, 'node_modules', '.bin', 'tsc'),
  [join(root, 'tools/openai-server/index.ts'), '--outDir', serverDir, '--rootDir', join(root, 'tools/openai-server'), '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node'],
  { stdio: 'inherit' },
);

// ---------------------------------------------------------------- the workspace and the script
const id = (n) => `t${String(n).padStart(2, '0')}`;
const title = (n) => `Bench task ${id(n)} adds a feature`;
const script = (n) => {
  const dir = `packages/${id(n)}/src`;
  return [
    { toolCalls: [{ name: 'read_file', arguments: { path: `${dir}/index.ts` } }] },
    { toolCalls: [{ name: 'write_file', arguments: { path: `${dir}/feature.ts`, content: `export const feature${n} = ${n};\n` } }] },
    { toolCalls: [{ name: 'run_command', arguments: { command: `ls ${dir} && cat ${dir}/feature.ts` } }] },
    { toolCalls: [{ name: 'finish', arguments: { summary: `added feature ${n}` } }] },
  ];
};
const TURNS = 4;
const TOOL_CALLS = 3; // finish is a tool too, but it does no work

function makeRepo() {
  const repo = mkdtempSync(join(scratch, 'repo-'));
  const files = { 'package.json': JSON.stringify({ name: 'bench', private: true, workspaces: ['packages/*'] }) };
  for (let n = 1; n <= agents; n++) {
    files[`packages/${id(n)}/package.json`] = JSON.stringify({ name: id(n) });
    files[`packages/${id(n)}/src/index.ts`] = `export const value${n} = ${n};\n`;
    files[`packages/${id(n)}/codex/${id(n)}.md`] = `---\ntitle: ${title(n)}\ntouches: [packages/${id(n)}/src/feature.ts]\n---\nAdd packages/${id(n)}/src/feature.ts.`;
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  const git = (...args) => execFileSync('git', args, { cwd: repo, env, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'gc.auto', '0');
  git('config', 'commit.gpgsign', 'false');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench workspace');
  return repo;
}

// ---------------------------------------------------------------- measurement
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

const median = (values) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const round = (value, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
const ms = (iso) => Date.parse(iso);

/** One runSprint with a reporter that timestamps each step, then the threads' own event times. */
async function measuredRun(server, concurrency, label) {
  const repo = makeRepo();
  const worktrees = join(scratch, `worktrees-${label}`);
  const marks = { waveStarted: new Map(), running: new Map(), completed: new Map(), merged: new Map() };
  const t = () => Date.now();
  const sampler = rssSampler();
  const started = t();
  let runStarted;
  let waveMerged;
  const summary = await runSprint({
    cwd: repo,
    runId: label,
    concurrency,
    env: { ...process.env, OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: server.url, CODEWAVES_WORKTREES: worktrees, CODEWAVES_STREAM: '1' },
    reporter: {
      runStarted: () => (runStarted = t()),
      waveStarted: (wave, ids) => ids.forEach((taskId) => marks.waveStarted.set(taskId, t())),
      status: (taskId, status) => marks[status]?.set(taskId, t()),
      waveMerged: () => (waveMerged = t()),
    },
  });
  const wallMs = t() - started;
  const peakRss = sampler.stop();
  const failed = summary.tasks.filter((task) => task.status !== 'merged');
  if (failed.length > 0) throw new Error(`${label}: ${failed.length} task(s) not merged: ${failed.map((task) => `${task.id} ${task.status} ${task.summary}`).join('; ')}`);

  const modelCalls = [];
  const toolCalls = [];
  const commits = [];
  const agentLoops = [];
  for (const task of summary.tasks) {
    const events = readFileSync(join(summary.threadsDir, 'threads', `${task.id}.jsonl`), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const conversation = events.filter((event) => ['message', 'assistant', 'tool-result'].includes(event.type));
    for (let i = 1; i < conversation.length; i++) {
      const gap = ms(conversation[i].at) - ms(conversation[i - 1].at);
      if (conversation[i].type === 'assistant') modelCalls.push(gap - delayMs);
      else if (conversation[i].type === 'tool-result' && conversation[i].name !== 'finish') toolCalls.push({ name: conversation[i].name, ms: gap });
    }
    const agentStart = ms(conversation[0].at);
    const agentEnd = ms(conversation.at(-1).at);
    agentLoops.push(agentEnd - agentStart);
    commits.push(marks.completed.get(task.id) - agentEnd);
  }
  const byTool = Object.fromEntries(['read_file', 'write_file', 'run_command'].map((name) => [name, round(median(toolCalls.filter((call) => call.name === name).map((call) => call.ms)))]));
  const worktreeMs = summary.tasks.map((task) => marks.running.get(task.id) - marks.waveStarted.get(task.id));
  const merges = summary.tasks.map((task) => marks.merged.get(task.id) - marks.completed.get(task.id));
  const modelFloorMs = TURNS * delayMs;
  const waveStart = Math.min(...marks.waveStarted.values());
  const lastCompleted = Math.max(...marks.completed.values());
  rmSync(repo, { recursive: true, force: true });
  rmSync(worktrees, { recursive: true, force: true });
  return {
    concurrency,
    waves: summary.waves.length,
    wallMs,
    setupMs: runStarted - started,
    phases: { beforeWaveMs: waveStart - started, agentsMs: lastCompleted - waveStart, mergeMs: waveMerged - lastCompleted, afterMs: wallMs - (waveMerged - started) },
    peakRssMB: round(peakRss / 2 ** 20),
    perAgent: {
      agentLoopMsMedian: round(median(agentLoops)),
      modelFloorMs,
      worktreeCreateMsMedian: round(median(worktreeMs)),
      commitMsMedian: round(median(commits)),
      mergeWaitMsMedian: round(median(merges)),
    },
    perModelCallOverheadMsMedian: round(median(modelCalls)),
    perToolCallMsMedian: round(median(toolCalls.map((call) => call.ms))),
    perToolCallMsByTool: byTool,
  };
}

/** Thread start-up of a pool of `size`, apart from any agent work: a cold round of trivial jobs minus a warm one. */
async function poolStart(size) {
  const dir = mkdtempSync(join(scratch, 'pool-'));
  const transcript = join(dir, 'finish.transcript.json');
  writeFileSync(transcript, JSON.stringify({ schemaVersion: 1, taskId: 'noop', turns: [{ toolCalls: [{ name: 'finish', arguments: { summary: 'ok' } }] }] }));
  const job = { taskId: 'noop', prompt: 'noop', instructions: 'noop', worktree: dir, readOnly: [], provider: { kind: 'replay', transcript }, maxTurns: 2 };
  const round = async (pool) => {
    const start = performance.now();
    await Promise.all(Array.from({ length: size }, () => pool.run(job, () => {})));
    return performance.now() - start;
  };
  const start = performance.now();
  const pool = new AgentPool({ concurrency: size });
  const cold = await round(pool);
  const coldTotal = performance.now() - start;
  const warm = await round(pool);
  await pool.close();
  return { threads: size, firstRoundMs: coldTotal, warmRoundMs: warm, startMs: coldTotal - warm, coldMs: cold };
}

// ---------------------------------------------------------------- the model, in a process of its own
async function startServer() {
  const scripts = Object.fromEntries(Array.from({ length: agents }, (_, i) => [title(i + 1), script(i + 1)]));
  writeFileSync(join(scratch, 'scripts.json'), JSON.stringify(scripts));
  writeFileSync(
    join(scratch, 'server.js'),
    `const { startOpenAIServer, scriptedModel } = require(${JSON.stringify(join(serverDir, 'index.js'))});
const model = scriptedModel(require(${JSON.stringify(join(scratch, 'scripts.json'))}));
startOpenAIServer({ handler: (request) => [{ kind: 'delay', ms: ${delayMs} }, model(request)] }).then((server) => {
  process.stdout.write(server.url + '\\n');
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
});
`,
  );
  const child = spawn(process.execPath, [join(scratch, 'server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(String(chunk).trim()));
    child.once('exit', (code) => reject(new Error(`the test server exited (${code})`)));
  });
  return { url, close: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

// ---------------------------------------------------------------- run
const server = await startServer();
const loadAtStart = loadavg()[0];
console.log(`agents bench: ${agents} agents, ${TURNS} model calls each (${TOOL_CALLS} tool calls + finish), ${delayMs} ms model latency, ${cpus().length} cores, load average ${loadAtStart.toFixed(1)}`);
try {
  const parallel = await measuredRun(server, agents, 'parallel');
  console.log(`  concurrency ${agents}: ${(parallel.wallMs / 1000).toFixed(1)} s in ${parallel.waves} wave(s), peak RSS ${parallel.peakRssMB} MB`);
  const sequential = await measuredRun(server, 1, 'sequential');
  console.log(`  concurrency 1: ${(sequential.wallMs / 1000).toFixed(1)} s in ${sequential.waves} wave(s)`);
  const pool = await poolStart(Math.min(agents, 4 * cpus().length));
  const ratio = sequential.wallMs / parallel.wallMs;
  // What is not model latency stays when the model is slower; the latency itself is paid once per
  // round of the pool (agents beyond its threads wait for a free one) in parallel, per agent in sequence.
  const rounds = Math.ceil(agents / pool.threads);
  const fixedParallel = parallel.wallMs - rounds * TURNS * delayMs;
  const fixedSequential = sequential.wallMs - agents * TURNS * delayMs;
  const projected = (latency) => round((fixedSequential + agents * TURNS * latency) / (fixedParallel + rounds * TURNS * latency), 2);
  const result = {
    benchmark: 'agents',
    date: new Date().toISOString(),
    // Other work on the machine skews every figure: the 1-minute load average before and after says how much there was.
    machine: { cores: cpus().length, memoryGB: round(totalmem() / 2 ** 30), node: process.version, loadAverage1m: { atStart: round(loadAtStart, 2), atEnd: round(loadavg()[0], 2) } },
    setup: { agents, modelLatencyMs: delayMs, modelCallsPerAgent: TURNS, toolCallsPerAgent: TOOL_CALLS, model: 'tools/openai-server scripted, Chat Completions streaming, over HTTP through the openai SDK' },
    speedup: round(ratio, 2),
    idealSpeedup: agents,
    nonModelTimeMs: { parallel: fixedParallel, sequential: fixedSequential },
    projectedSpeedup: { note: 'from the non-model time measured here, if each model call took this long instead', '2000ms': projected(2000), '10000ms': projected(10000) },
    poolThreads: pool.threads,
    parallel,
    sequential,
    poolStart: { threads: pool.threads, startMs: round(pool.startMs), firstRoundMs: round(pool.firstRoundMs), warmRoundMs: round(pool.warmRoundMs) },
    notes: [
      'phases: runSprint start to the wave start (plan, checks, integration branch, pool), the wave start to the last agent committed (worktrees, agents, commits), then to the wave merged (the serial merge, which also removes each merged worktree), then the summary.',
      'wallMs: the whole runSprint (plan, worktrees, agents, commits, merges). setupMs: runSprint start to runStarted (planning, provider and endpoint checks, the integration branch).',
      'perModelCallOverheadMsMedian: time from the previous event to an assistant event, minus the scripted latency (SDK, HTTP, server, event plumbing; with 16 agents also waiting for a core).',
      'Event times are taken when the main thread receives each event from its worker: under load they bunch up, so the per-call figures of the parallel run are rough; the sequential run\'s are the clean ones.',
      'perToolCallMs: time from the assistant event to its tool-result event. worktreeCreateMs: wave start to the agent starting (git worktree add; concurrent in the parallel run).',
      'commitMs: the agent\'s last event to its completed status (git add + commit in the worktree). mergeWaitMs: completed to merged (waits for the other agents of the wave, then the serial merge).',
      `The pool has at most 4 threads per core (${4 * cpus().length} here) and one agent per thread, so with more agents than that the rest queue.`,
      'peakRssMB: resident memory of this one process (main thread and worker threads), sampled every 20 ms; the test server and run_command children are other processes.',
    ],
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`  speed-up ${result.speedup}x (ideal ${agents}x with ${pool.threads} pool threads); pool start ${result.poolStart.startMs} ms for ${pool.threads} threads`);
  console.log(`  per model call +${parallel.perModelCallOverheadMsMedian} ms (16) / +${sequential.perModelCallOverheadMsMedian} ms (1); per tool call ${parallel.perToolCallMsMedian} ms / ${sequential.perToolCallMsMedian} ms; worktree ${parallel.perAgent.worktreeCreateMsMedian} ms / ${sequential.perAgent.worktreeCreateMsMedian} ms`);
  console.log(`  projected speed-up with 2 s / 10 s model calls: ${result.projectedSpeedup['2000ms']}x / ${result.projectedSpeedup['10000ms']}x`);
  console.log(`  wrote ${out}`);
} finally {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
}
