#!/usr/bin/env node
// `npm run bench`: every benchmark that needs nothing from outside this repository, then the
// end-to-end bench on replayed real commits when a git dir of ngrx/platform is given
// (CODEWAVES_BENCH_REPO), and the merge bench on real conflicts when one with merge commits is
// (CODEWAVES_MERGE_BENCH_REPO). Under 10 minutes on 2 cores. The footprint bench on real history
// (450 predictions, about 15 minutes) is `npm run bench:footprint`.
// Results go to bench-results/.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const results = join(here, '..', '..', 'bench-results');
const run = (script, args) => {
  console.log(`\n$ node ${script} ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [join(here, script), ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('scheduler-bench.mjs', ['--out', join(results, 'scheduler.json')]);
run('footprint-speed.mjs', ['--out', join(results, 'footprint-speed.json')]);
run('agents-bench.mjs', ['--out', join(results, 'agents.json')]);
if (process.env.CODEWAVES_MERGE_BENCH_REPO) {
  run('merge-bench.mjs', ['--repo', process.env.CODEWAVES_MERGE_BENCH_REPO, '--out', join(results, 'merge.json')]);
} else {
  console.log('\nmerge bench on real conflicts skipped: set CODEWAVES_MERGE_BENCH_REPO to a git dir with merge commits, e.g. typeorm/typeorm');
}
if (process.env.CODEWAVES_BENCH_REPO) {
  run('e2e-bench.mjs', ['--repo', process.env.CODEWAVES_BENCH_REPO, '--out-dir', results]);
} else {
  console.log('\nend-to-end bench on replayed commits skipped: set CODEWAVES_BENCH_REPO to a git dir of ngrx/platform (see shared/bench/footprint/README.md)');
}
