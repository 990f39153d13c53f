#!/usr/bin/env node
// Which guard to plan with (`codewaves plan --guard`), measured on a repository's own history. Each
// case (a past commit: its subject as the task, its changed files as the truth) is predicted once at
// its base by the shared scorer's harness; then every two cases at most --distance apart form a pair,
// as two tasks of one sprint would. For each guard: the share of pairs whose true files overlap
// that the guard keeps apart (overlap recall), and the share of the others it keeps apart all the
// same (false serialisation). One run, every guard side by side.
//
//   node tools/bench/footprint-guard.mjs --repo <git dir> [--cases <file>] [--guards 0.4,0.3,0.2,0.1]
//     [--distance 40] [--jobs 2] [--out bench-results/footprint-guard.json] [--predictions <dir>]
//
// --predictions keeps each case's footprint in <dir>; a later run with the same <dir> reuses them
// instead of predicting again (to compare planner policies on the same footprints).
//
// --pairs <file> also predicts the shared bench's pairs (pairs.json: two commits from one base,
// labelled overlap and conflict) at their common base, and counts what the planner itself keeps
// apart at each guard (`conflictEdges`: shared paths, a vague task's project pattern, a read of the
// other's write), beside the paths-only view the scorer takes:
//   node tools/bench/footprint-guard.mjs --repo <ngrx/platform git dir> --pairs <bench>/pairs.json --out bench-results/footprint-guard.json
//
// It also prints what a confidence is worth: band by band, the share of predicted files the commit
// really changed, for footprints something placed and for vague ones apart.
//
// --cases defaults to the shared bench's ngrx/platform cases; footprint-cases.mjs makes them for any
// repository. Distance counts first-parent commits when cases carry `seq`, else places in the list.
// Both tasks of a pair are predicted at their own base (the shared scorer's `--pairs-at own`), so
// this is an approximation of footprint-bench.mjs --guard, which predicts pairs at a common base.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { calibration, guardPairs, planBatches, plannerPairs } from './footprint/guard-pairs.mjs';
import { builtCli, footprintBench } from './footprint/locate.mjs';

const FLOOR = 0.1;
const WRITE_THRESHOLD = 0.4;
const key = (base, prompt) => createHash('sha1').update(`${base}\n${prompt}`).digest('hex');

const args = process.argv.slice(2);
if (args[0] === '--one') predictOne(args[1]);
else main(args);

/** Run by score.mjs in a checkout of the case's base: keep the whole footprint, print the write set. */
function predictOne(dir) {
  const json = execFileSync(process.execPath, [builtCli(), 'footprint', process.env.TASK_FILE, '--format', 'json', '--min-confidence', String(FLOOR)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const base = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  writeFileSync(join(dir, `${key(base, process.env.TASK_PROMPT)}.json`), json);
  const writes = footprintOf(JSON.parse(json)).writes;
  console.log(JSON.stringify(writes.filter((entry) => !entry.pattern && entry.confidence >= WRITE_THRESHOLD).map((entry) => entry.path)));
}

function footprintOf(output) {
  const first = Array.isArray(output) ? output[0] : output;
  return first.footprints ? first.footprints[0] : first;
}

function main(argv) {
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const repo = option('--repo');
  if (!repo) {
    console.error('usage: footprint-guard.mjs --repo <git dir> [--cases <file>] [--pairs <file>] [--guards 0.4,0.3,0.2,0.1] [--distance 40] [--jobs 2] [--out <file>] [--predictions <dir>]');
    process.exit(2);
  }
  const bench = footprintBench();
  const casesFile = resolve(option('--cases', join(bench, 'cases.json')));
  const pairsFile = option('--pairs') ? resolve(option('--pairs')) : undefined;
  const guards = option('--guards', '0.4,0.3,0.2,0.1').split(',').map(Number);
  const distance = Number(option('--distance', '40'));
  if (guards.some((guard) => !(guard >= FLOOR && guard <= 1)) || !(distance >= 1)) {
    console.error(`--guards takes confidences from ${FLOOR} to 1, --distance a count of at least 1`);
    process.exit(2);
  }
  const kept = option('--predictions');
  const predictions = kept ? resolve(kept) : mkdtempSync(join(tmpdir(), 'codewaves-guard-'));
  const done = join(predictions, 'complete');
  try {
    mkdirSync(predictions, { recursive: true });
    if (!existsSync(done)) {
      const status = predict(bench, repo, casesFile, pairsFile, predictions, option('--jobs', '2'));
      if (status !== 0) {
        process.exitCode = status ?? 1;
        return;
      }
    }
    writeFileSync(done, '');
    const result = measure(JSON.parse(readFileSync(casesFile, 'utf8')), pairsFile ? JSON.parse(readFileSync(pairsFile, 'utf8')).pairs : undefined, predictions, guards, distance);
    print(result);
    const out = option('--out');
    if (out) {
      mkdirSync(dirname(resolve(out)), { recursive: true });
      writeFileSync(resolve(out), `${JSON.stringify(result, null, 2)}\n`);
    }
  } finally {
    if (!kept) rmSync(predictions, { recursive: true, force: true });
  }
}

/** Every case once at its base (and each pair's tasks at the pair's base), through the shared scorer's harness; the footprints land in `dir`. */
function predict(bench, repo, casesFile, pairsFile, dir, jobs) {
  const self = fileURLToPath(import.meta.url);
  const scored = spawnSync(
    process.execPath,
    [join(bench, 'score.mjs'), '--repo', resolve(repo), '--cases', casesFile, ...(pairsFile ? ['--pairs', pairsFile] : []), '--predict', `node ${self} --one ${dir}`, '--jobs', jobs, '--quiet', '--out', join(dir, 'score.json')],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: bench },
  );
  return scored.status;
}

function measure({ repo, head, cases }, pairs, dir, guards, distance) {
  const saved = new Set(readdirSync(dir));
  const footprints = new Map();
  const atBase = (base, prompt) => {
    const file = `${key(base, prompt)}.json`;
    if (!saved.has(file)) return undefined;
    if (!footprints.has(file)) footprints.set(file, footprintOf(JSON.parse(readFileSync(join(dir, file), 'utf8'))));
    return footprints.get(file);
  };
  const wholeFootprint = (entry) => atBase(entry.base, entry.prompt);
  const { buildPlan, conflictEdges } = createRequire(import.meta.url)('@codewaves/core');
  // The planner as it was (the write set keeps tasks apart), each guard alone, and each with spreading.
  const policies = [
    { name: 'write set only', policy: { hotspots: 'serialise', guard: WRITE_THRESHOLD, spread: false } },
    ...guards.filter((guard) => guard < WRITE_THRESHOLD).flatMap((guard) => [
      { name: `guard ${guard}`, policy: { hotspots: 'serialise', guard, spread: false } },
      { name: `guard ${guard} + spread`, policy: { hotspots: 'serialise', guard } },
    ]),
    // Vague tasks (the fallback pattern only) in any wave instead of one of their own (--vague share).
    { name: 'default, vague share', policy: { hotspots: 'serialise', vague: 'share' } },
  ];
  return {
    repo,
    head,
    ...guardPairs({ cases, writesOf: (entry) => wholeFootprint(entry)?.writes, guards, distance }),
    plans: planBatches({ cases, footprintOf: wholeFootprint, policies, buildPlan }),
    calibration: calibration({ cases, footprintOf: wholeFootprint }),
    ...(pairs ? { planner: plannerPairs({ pairs, footprintOf: atBase, guards: [...new Set([WRITE_THRESHOLD, ...guards])], conflictEdges }) } : {}),
  };
}

function print({ repo, cases, pairs, distance, rows, plans, calibration, planner }) {
  console.log(`${repo}: ${cases} cases, ${pairs} pairs at most ${distance} apart (each task predicted at its own base)`);
  console.log('guard  overlap recall        false serialisation    files per task');
  for (const row of rows) {
    console.log(`${row.guard.toFixed(2).padEnd(7)}${`${row.overlapRecall.toFixed(3)} (${row.caught}/${row.overlaps})`.padEnd(22)}${`${row.falseSerialisation.toFixed(3)} (${row.serialised}/${row.independent})`.padEnd(23)}${row.meanFiles.toFixed(2)}`);
  }
  const [first] = plans;
  console.log(`\nthe planner on ${first.batches} batches of 8 consecutive cases (${first.overlapping} pairs changed a common file, ${first.independent} did not)`);
  console.log('policy                   waves per batch   same-wave pairs that overlap   independent pairs kept apart');
  for (const plan of plans) {
    console.log(`${plan.name.padEnd(25)}${plan.meanWaves.toFixed(2).padEnd(18)}${`${plan.collisions} / ${plan.overlapping}`.padEnd(31)}${(plan.keptApart / Math.max(1, plan.independent)).toFixed(3)} (${plan.keptApart})`);
  }
  console.log('\nwhat a confidence is worth: the share of predicted files the commit changed (files)');
  console.log('confidence   placed tasks         vague tasks (stand-ins, best guesses)');
  const share = ({ files, right }) => (files === 0 ? '-' : `${(right / files).toFixed(2)} (${files})`);
  for (const row of calibration) console.log(`${`${row.from.toFixed(1)}-${row.to.toFixed(1)}`.padEnd(13)}${share(row.placed).padEnd(21)}${share(row.vague)}`);
  if (!planner) return;
  console.log(`\nthe bench's ${planner.pairs} pairs at their common base, kept apart by the planner (conflictEdges) and by shared paths alone`);
  console.log('guard  conflict recall: planner   paths       false serialisation: planner   paths');
  for (const row of planner.rows) {
    console.log(`${row.guard.toFixed(2).padEnd(7)}${`${row.conflictRecall.toFixed(3)} (${row.conflictsApart}/${row.conflicts})`.padEnd(27)}${row.pathsConflictRecall.toFixed(3).padEnd(12)}${`${row.falseSerialisation.toFixed(3)} (${row.serialised}/${row.independent})`.padEnd(31)}${row.pathsFalseSerialisation.toFixed(3)}`);
  }
}
