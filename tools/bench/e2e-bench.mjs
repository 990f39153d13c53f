#!/usr/bin/env node
// The end-to-end bench (issue #8): the same real tasks run three ways through the real engine,
// `sequential`, `all-at-once` and `codewaves`, for wall time, unresolved conflicts, re-runs and lost
// changes. Tasks are consecutive commits of ngrx/platform, each replayed by an agent that makes the
// commit's own change after a simulated model latency; the planner sees only the commit subject.
// Method and definitions: docs/benchmarks-e2e.md.
//
//   node tools/bench/e2e-bench.mjs [--repo <git dir of ngrx/platform>] [--k 8,16,32] [--repeats 3]
//     [--latency-base 300] [--latency-per-line 2] [--latency-max 1500] [--concurrency 8] [--vague isolate|share] [--guard 0.4] [--no-spread]
//     [--tmp <dir>] [--out-dir bench-results]
//
// --repo defaults to $CODEWAVES_BENCH_REPO; without a repository it prints why and exits 0.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasCommit, latencyMs, selectCommits, taskId } from './e2e/commits.mjs';
import { lossDetails, renderMarkdown, renderSvg, STRATEGY_ORDER as STRATEGIES, summarise } from './e2e/report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const PINNED_HEAD = '46c0077012b6bc9c59107c3d6ca751b289086e39';

const usageError = (message) => Object.assign(new Error(message), { usage: true });

function parseArgs(argv) {
  const options = {
    repo: process.env.CODEWAVES_BENCH_REPO,
    head: PINNED_HEAD,
    k: [8, 16, 32],
    repeats: 1,
    latency: { baseMs: 300, perLineMs: 2, maxMs: 1500 },
    concurrency: 8,
    // How codewaves plans tasks whose footprint is only the fallback pattern (--vague in the CLI).
    vague: 'isolate',
    // The confidence at which two tasks' guesses at one file keep them apart (--guard in the CLI); absent: the CLI's default.
    guard: undefined,
    // --no-spread: the planner leaves tasks where its schedule first put them (the default pulls apart faint guesses at one file).
    spread: true,
    // This VM's disk spends about 1 s of system time per checkout of the repository; tmpfs keeps
    // the bench about the engine rather than the disk (--tmp to measure on any folder).
    tmp: existsSync('/dev/shm') ? '/dev/shm' : undefined,
    outDir: join(root, 'bench-results'),
    child: false,
  };
  const positive = (name, value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw usageError(`${name} must be a whole number, got ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    switch (name) {
      case '--repo': options.repo = value; i++; break;
      case '--head': options.head = value; i++; break;
      case '--k': options.k = value.split(',').map((k) => positive('--k', k)); i++; break;
      case '--repeats': options.repeats = positive(name, value); i++; break;
      case '--latency-base': options.latency.baseMs = positive(name, value); i++; break;
      case '--latency-per-line': options.latency.perLineMs = Number(value); i++; break;
      case '--latency-max': options.latency.maxMs = positive(name, value); i++; break;
      case '--concurrency': options.concurrency = positive(name, value); i++; break;
      case '--vague':
        if (!['isolate', 'share'].includes(value)) throw usageError(`--vague must be isolate or share, got ${value}`);
        options.vague = value;
        i++;
        break;
      case '--no-spread': options.spread = false; break;
      case '--guard': {
        const guard = Number(value);
        if (!(guard >= 0 && guard <= 1)) throw usageError(`--guard must be a number from 0 to 1, got ${value}`);
        options.guard = guard;
        i++;
        break;
      }
      case '--tmp': options.tmp = value; i++; break;
      case '--out-dir': options.outDir = resolve(value); i++; break;
      case '--child': options.child = true; break;
      default: throw usageError(`unknown option ${name} (see the usage at the top of tools/bench/e2e-bench.mjs)`);
    }
  }
  return options;
}

/** One strategy run in its own process, so its peak RSS is its own. */
function runChild(job, tmp) {
  return new Promise((resolvePromise, reject) => {
    const env = { ...process.env, ...(tmp ? { TMPDIR: tmp } : {}) };
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${job.strategy} K=${job.tasks.length} exited with ${code}`));
      resolvePromise(JSON.parse(out.trim().split('\n').pop()));
    });
    child.stdin.end(JSON.stringify(job));
  });
}

async function childMain() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const { runStrategy } = await import('./e2e/strategies.mjs');
  const result = await runStrategy(JSON.parse(input));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.child) return childMain();
  if (!options.repo) {
    console.log('e2e bench skipped: no repository. Pass --repo or set CODEWAVES_BENCH_REPO to a git dir of ngrx/platform (see shared/bench/footprint/README.md).');
    return;
  }
  if (!existsSync(options.repo) || !hasCommit(options.repo, options.head)) {
    console.log(`e2e bench skipped: ${options.repo} does not hold ${options.head}.`);
    return;
  }
  if (!existsSync(join(root, 'packages', 'core', 'dist', 'index.js'))) {
    console.error('build first: npm run build');
    process.exit(2);
  }
  const started = Date.now();
  const maxK = Math.max(...options.k);
  const commits = selectCommits(options.repo, options.head, maxK);
  if (commits.length < maxK) throw new Error(`only ${commits.length} eligible commits before ${options.head}, K=${maxK} asked`);
  console.log(`e2e bench: ${commits.length} commits ${commits[0].commit.slice(0, 10)}..${commits.at(-1).commit.slice(0, 10)}, K=${options.k.join(',')}, ${options.repeats} repeat(s), scratch in ${options.tmp ?? 'the OS temp dir'}`);

  const runs = [];
  const write = () => {
    const summary = summarise(runs);
    // What the simulated model alone costs: the floor of sequential, and (over the pool) of the rest.
    const windows = options.k.map((k) => {
      const tasks = commits.slice(-k);
      return { k, base: tasks[0].parent, first: tasks[0].commit, last: tasks.at(-1).commit, files: tasks.reduce((n, task) => n + task.changes.length, 0), lines: tasks.reduce((n, task) => n + task.lines, 0), latencySumMs: tasks.reduce((n, task) => n + latencyMs(task.lines, options.latency), 0) };
    });
    const meta = {
      repoName: 'ngrx/platform',
      head: options.head,
      k: options.k,
      repeats: Math.max(0, ...runs.map((run) => run.repeat)),
      repeatsAsked: options.repeats,
      latency: options.latency,
      concurrency: options.concurrency,
      vague: options.vague,
      guard: options.guard ?? null,
      spread: options.spread,
      cpus: availableParallelism(),
      node: process.version,
      scratch: options.tmp ?? 'os.tmpdir()',
      windows,
      benchMs: Date.now() - started,
    };
    mkdirSync(options.outDir, { recursive: true });
    const strip = ({ finalBlobs, waveTimings, ...run }) => ({ ...run, waveTimings: waveTimings.map(({ sandboxReadyMs, ...wave }) => ({ ...wave, sandboxReadyMsMedian: sandboxReadyMs.sort((a, b) => a - b)[Math.floor(sandboxReadyMs.length / 2)] ?? null })) });
    writeFileSync(join(options.outDir, 'e2e.json'), `${JSON.stringify({ meta, summary, runs: runs.map(strip) }, null, 2)}\n`);
    writeFileSync(join(options.outDir, 'e2e.md'), renderMarkdown(summary, meta, lossDetails(runs)));
    writeFileSync(join(options.outDir, 'e2e.svg'), renderSvg(summary, { title: `codewaves end-to-end: ${meta.repoName}, median of ${meta.repeats}` }));
    return { summary, meta };
  };
  for (let repeat = 1; repeat <= options.repeats; repeat++) {
    for (const k of options.k) {
      const tasks = commits.slice(-k);
      // Rotate the order per repeat so no strategy always runs first on a warm or cold cache.
      const order = STRATEGIES.map((_, i) => STRATEGIES[(i + repeat - 1) % STRATEGIES.length]);
      const byStrategy = {};
      for (const strategy of order) {
        const result = await runChild({ repo: resolve(options.repo), strategy, tasks, latency: options.latency, concurrency: options.concurrency, vague: options.vague, guard: options.guard, spread: options.spread }, options.tmp);
        byStrategy[strategy] = result;
        console.log(
          `repeat ${repeat} K=${k} ${strategy.padEnd(11)} ${String(result.wallMs).padStart(7)} ms, ${result.waves} wave(s), unresolved ${result.unresolvedConflicts}, re-runs ${result.reruns}, lost ${result.lostChanges}${result.failed.length ? `, failed ${result.failed.join(' ')}` : ''}, ${result.maxRssMB} MB`,
        );
      }
      for (const strategy of STRATEGIES) {
        const result = byStrategy[strategy];
        result.filesDifferFromSequential = Object.keys(result.finalBlobs).filter((path) => result.finalBlobs[path] !== byStrategy.sequential.finalBlobs[path]).length;
        runs.push({ repeat, ...result, tasks: tasks.map((task, i) => ({ id: taskId(i), commit: task.commit, subject: task.subject, files: task.changes.length, lines: task.lines })) });
      }
    }
    // After every repeat, so an interrupted bench still leaves what it measured.
    write();
  }

  const { summary, meta } = write();
  console.log(`\n${renderMarkdown(summary, meta)}\ne2e bench: ${Math.round(meta.benchMs / 1000)} s; wrote ${join(options.outDir, 'e2e.json')}, e2e.md, e2e.svg`);
}

main().catch((error) => {
  console.error(error?.usage ? `e2e-bench: ${error.message}` : error instanceof Error ? error.stack : error);
  process.exit(error?.usage ? 2 : 1);
});
