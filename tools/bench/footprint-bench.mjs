#!/usr/bin/env node
// Scores `codewaves footprint --format paths` with the footprint bench's own scorer (shared/bench/footprint):
// real tasks from a public monorepo's history, truth = the files each commit changed.
//
//   node tools/bench/footprint-bench.mjs --repo <git dir of ngrx/platform> [--limit N] [--jobs 2] [--out bench-results/footprint.json]
//
// --cases <file> scores cases made from another repository by footprint-cases.mjs instead (no pairs):
//   node tools/bench/footprint-bench.mjs --repo <git dir> --cases cases.json --jobs 2 --out results.json
//
// To compare two runs: node tools/bench/footprint-diff.mjs <before.json> <after.json>.
//
// --assist scores the model-assisted mode instead (needs OPENAI_API_KEY; CODEWAVES_ASSIST_MODEL picks
// the model): one model call per prediction, 450 in a full run. Score it separately from the default.
//
// --guard <confidence> scores what the planner keeps apart rather than the write set: each task's
// paths down to that confidence, the planner's guard (plan --guard). Read its PAIRS and WAVES
// sections; its FOOTPRINT section is the wider set, not the predicted writes.
//   node tools/bench/footprint-bench.mjs --repo <git dir> --guard 0.3 --jobs 2 --out bench-results/footprint-guard.json
//
// Everything after the known options is passed to score.mjs unchanged.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtCli, footprintBench } from './footprint/locate.mjs';

const bench = footprintBench();
const args = process.argv.slice(2);
const assist = args.includes('--assist');
if (assist) args.splice(args.indexOf('--assist'), 1);
if (assist && !process.env.OPENAI_API_KEY) {
  console.error('--assist asks a model for every prediction: set OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible server)');
  process.exit(2);
}
if (!args.includes('--repo')) {
  console.error('usage: footprint-bench.mjs --repo <git dir that contains the bench head> [score.mjs options]');
  process.exit(2);
}
const cli = builtCli();
const guardIndex = args.indexOf('--guard');
const guard = guardIndex >= 0 ? args.splice(guardIndex, 2)[1] : undefined;
if (guard !== undefined && !(Number(guard) >= 0 && Number(guard) <= 1)) {
  console.error(`--guard must be a number from 0 to 1, got ${guard}`);
  process.exit(2);
}
// score.mjs runs in the bench folder: make --out absolute so results land where the user asked.
const outIndex = args.indexOf('--out');
if (outIndex >= 0) {
  args[outIndex + 1] = resolve(args[outIndex + 1]);
  mkdirSync(dirname(args[outIndex + 1]), { recursive: true });
}
// Cases of another repository come without pairs: only the footprint half is scored.
const casesIndex = args.indexOf('--cases');
const cases = casesIndex >= 0 ? ['--cases', resolve(args.splice(casesIndex, 2)[1])] : ['--cases', join(bench, 'cases.json'), '--pairs', join(bench, 'pairs.json')];
const result = spawnSync(
  process.execPath,
  [join(bench, 'score.mjs'), ...cases, '--predict', `node ${cli} footprint "$TASK_FILE" --format paths${guard !== undefined ? ` --min-confidence ${Number(guard)}` : ''}${assist ? ' --assist' : ''}`, ...args],
  { stdio: 'inherit', cwd: bench },
);
process.exit(result.status ?? 1);
