// One run of one strategy on a fresh scratch workspace, through the real engine (packages/core/dist):
// `codewaves` is runSprint itself; the two baselines use the same runWave (worktrees, pool, replay
// agent, merge-tree merge) with a fixed list of waves instead of the footprint plan.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commitTranscript, taskId } from './commits.mjs';
import { lostChange } from './lost-changes.mjs';

const require = createRequire(import.meta.url);
const core = require('@codewaves/core');
// runWave is internal to the package (not in its exports map): load the built file itself.
const { runWave } = core;

const sh = (cwd, args) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * A workspace at `base` that borrows the bench repository's objects (alternates), with one task file
 * per commit (title = the commit subject, nothing else: the planner never sees the patch) and the
 * replay transcripts outside the workspace. Only `base`'s history is reachable from its refs.
 */
export function makeScratchWorkspace(repo, base, tasks, latency) {
  const dir = mkdtempSync(join(tmpdir(), 'codewaves-bench-e2e-'));
  const root = join(dir, 'ws');
  sh(dir, ['init', '-q', root]);
  const objects = execFileSync('git', ['--git-dir', repo, 'rev-parse', '--git-path', 'objects'], { encoding: 'utf8' }).trim();
  writeFileSync(join(root, '.git', 'objects', 'info', 'alternates'), `${resolve(repo, objects)}\n`);
  for (const [key, value] of [['user.name', 'bench'], ['user.email', 'bench@example.invalid'], ['gc.auto', '0'], ['commit.gpgsign', 'false']]) sh(root, ['config', key, value]);
  sh(root, ['update-ref', 'refs/heads/main', base]);
  sh(root, ['symbolic-ref', 'HEAD', 'refs/heads/main']);
  sh(root, ['reset', '-q', '--hard']);
  mkdirSync(join(root, 'codex'));
  mkdirSync(join(dir, 'transcripts'));
  tasks.forEach((task, index) => {
    const id = taskId(index);
    const transcript = join(dir, 'transcripts', `${id}.transcript.json`);
    writeFileSync(transcript, JSON.stringify(commitTranscript(id, task, latency), null, 1));
    writeFileSync(join(root, 'codex', `${id}.md`), `---\ntitle: ${JSON.stringify(task.subject)}\nagent: { provider: replay, transcript: ${JSON.stringify(transcript)} }\n---\n`);
  });
  return { dir, root, worktrees: join(dir, 'worktrees') };
}

/** Timestamps of everything the engine reports, for the overheads. */
function recordingReporter(t0) {
  const events = [];
  const at = () => Date.now() - t0;
  return {
    events,
    reporter: {
      plan: () => events.push({ type: 'plan', t: at() }),
      waveStarted: (wave, ids) => events.push({ type: 'wave-started', t: at(), wave, ids }),
      status: (id, status, reason) => events.push({ type: 'status', t: at(), id, status, reason }),
      waveMerged: (wave) => events.push({ type: 'wave-merged', t: at(), wave }),
    },
  };
}

/**
 * runSprint's own sequence with the waves given, not planned: what a tool without footprints does.
 * Everything it calls (runWave: worktrees, pool, agents, commits, merge-tree merge) is the engine's.
 */
async function runFixedWaves({ root, order, waves, concurrency, rerunConflicts, env, reporter }) {
  const started = Date.now();
  const files = await core.listWorkspaceFiles(root);
  const workspace = await core.detectWorkspace(root, files);
  const loaded = await core.loadTasks(root, files, workspace.projects);
  const tasks = order.map((id) => loaded.find((task) => task.id === id));
  core.validateTaskSet(tasks);
  const base = await core.headCommit(root);
  const plan = { baseCommit: base, tasks: [], edges: [], waves, stats: { tasks: tasks.length, waves: waves.length } };
  const sprint = { workspace, tasks, footprints: new Map(), plan };
  const providers = core.resolveProviders(sprint, { provider: 'replay' }, env);
  const runId = core.newRunId();
  const integrationBranch = core.integrationBranchName(runId);
  await core.ignoreStateFolder(root);
  await core.git(root, ['update-ref', `refs/heads/${integrationBranch}`, base, '']);
  const store = new core.ThreadStore(root, runId);
  const results = new Map();
  const pool = core.agentPoolFor(waves, { concurrency });
  try {
    for (const [index, wave] of waves.entries()) {
      reporter.waveStarted(index + 1, wave);
      await runWave({ sprint, wave, waveNumber: index + 1, runId, integrationBranch, providers, pool, store, results, reporter, maxTurns: 50, env, rerunConflicts });
      reporter.waveMerged(index + 1);
    }
  } finally {
    await pool.close();
  }
  // Newer engines price the run (a sixth argument); older ones have no loadPrices and ignore it.
  return core.summariseRun(root, { runId, base, integrationBranch, waves }, results, started, store.runDir, core.loadPrices?.({ cwd: root, env }));
}

/**
 * Runs `strategy` on `tasks` (oldest first) and measures it. `concurrency` is the pool size for the
 * parallel strategies (the engine caps it at 4 per CPU).
 */
export async function runStrategy({ repo, strategy, tasks, latency, concurrency, vague = 'isolate', guard, spread = true, keep = false }) {
  const base = tasks[0].parent;
  const scratch = makeScratchWorkspace(repo, base, tasks, latency);
  const env = { ...process.env, CODEWAVES_WORKTREES: scratch.worktrees };
  const ids = tasks.map((_, index) => taskId(index));
  try {
    const t0 = Date.now();
    const { events, reporter } = recordingReporter(t0);
    let summary;
    if (strategy === 'codewaves') {
      // No wave check: the scratch checkout has no node_modules to lint or test with, and the
      // baselines run none either, so the comparison stays like for like.
      summary = await core.runSprint({ cwd: scratch.root, provider: 'replay', concurrency, env, reporter, checkCommand: 'none', policy: { vague, ...(guard !== undefined ? { guard } : {}), ...(spread ? {} : { spread: false }) } });
    } else {
      const waves = strategy === 'sequential' ? ids.map((id) => [id]) : [ids];
      summary = await runFixedWaves({ root: scratch.root, order: ids, waves, concurrency: strategy === 'sequential' ? 1 : concurrency, rerunConflicts: false, env, reporter });
    }
    const wallMs = Date.now() - t0;
    const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    return { strategy, k: tasks.length, wallMs, maxRssMB, ...outcome(summary, events), ...finalState(scratch.root, summary.head, tasks) };
  } finally {
    if (!keep) rmSync(scratch.dir, { recursive: true, force: true });
  }
}

/** Conflicts, re-runs and timings, from the summary and the reported events. */
function outcome(summary, events) {
  const statuses = Object.fromEntries(summary.tasks.map((task) => [task.id, task.status]));
  const conflicted = summary.tasks.filter((task) => task.status === 'conflicted');
  const rerunIds = new Set(events.filter((e) => e.type === 'status' && e.status === 'running' && /^re-run/.test(e.reason)).map((e) => e.id));
  const firstConflicts = new Set(events.filter((e) => e.type === 'status' && e.status === 'conflicted').map((e) => e.id));
  const plan = events.find((e) => e.type === 'plan');
  const waves = [];
  for (const started of events.filter((e) => e.type === 'wave-started')) {
    const inWave = events.filter((e) => e.type === 'status' && started.ids.includes(e.id) && e.t >= started.t);
    const merged = events.find((e) => e.type === 'wave-merged' && e.wave === started.wave);
    const firstMergeAt = Math.min(...inWave.filter((e) => e.status === 'merged' || e.status === 'conflicted').map((e) => e.t), merged.t);
    const agentsDone = Math.max(started.t, ...inWave.filter((e) => ['completed', 'failed', 'cancelled'].includes(e.status) && e.t <= firstMergeAt).map((e) => e.t));
    const sandboxes = started.ids.map((id) => inWave.find((e) => e.id === id && e.status === 'running')).filter(Boolean).map((e) => e.t - started.t);
    waves.push({
      wave: started.wave,
      tasks: started.ids.length,
      ms: merged.t - started.t,
      mergeMs: merged.t - agentsDone,
      hadRerun: started.ids.some((id) => rerunIds.has(id)),
      sandboxReadyMs: sandboxes,
    });
  }
  return {
    planningMs: plan ? plan.t : 0,
    waves: waves.length,
    waveTimings: waves,
    statuses,
    unresolvedConflicts: conflicted.length,
    conflictedFiles: [...new Set(conflicted.flatMap((task) => task.conflictFiles ?? []))].sort(),
    conflictsDetected: firstConflicts.size,
    reruns: rerunIds.size,
    failed: summary.tasks.filter((task) => task.status === 'failed').map((task) => task.id),
    head: summary.head,
  };
}

/**
 * Which tasks' changes are missing from the final result (see lost-changes.mjs), and the final
 * blob of every file any task changed, to compare strategies with each other.
 */
function finalState(root, head, tasks) {
  const tip = tasks[tasks.length - 1].commit;
  const show = (commit, path) => {
    try {
      return sh(root, ['cat-file', 'blob', `${commit}:${path}`]);
    } catch {
      return undefined;
    }
  };
  const lost = [];
  let lostLines = 0;
  const diffs = tasks.map((task) => new Map(task.changes.map((change) => [change.path, sh(root, ['diff', '-U0', '--no-color', task.parent, task.commit, '--', change.path])])));
  tasks.forEach((task, index) => {
    const files = task.changes.map((change) => {
      const laterDiffs = diffs.slice(index + 1).map((later) => later.get(change.path)).filter(Boolean);
      return lostChange({ status: change.status, diff: diffs[index].get(change.path), tip: show(tip, change.path), final: show(head, change.path), laterDiffs });
    });
    const missing = files.filter((file) => file.lost);
    if (missing.length > 0) {
      lost.push({ task: taskId(index), commit: task.commit.slice(0, 10), files: task.changes.filter((_, i) => files[i].lost).map((change) => change.path) });
      lostLines += missing.reduce((sum, file) => sum + file.missingLines, 0);
    }
  });
  const paths = [...new Set(tasks.flatMap((task) => task.changes.map((change) => change.path)))].sort();
  const listed = sh(root, ['ls-tree', '-r', '-z', head, '--', ...paths]).split('\0').filter(Boolean);
  const blobs = Object.fromEntries(paths.map((path) => [path, null]));
  for (const entry of listed) {
    const [meta, path] = entry.split('\t');
    blobs[path] = meta.split(' ')[2];
  }
  return { lostChanges: lost.length, lostLines, lost, finalBlobs: blobs };
}
