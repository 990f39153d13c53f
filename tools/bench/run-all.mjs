#!/usr/bin/env node
// `npm run bench`: every benchmark that needs nothing from outside this repository, then the
// footprint bench and the end-to-end bench on real history when a git dir of ngrx/platform is
// given (CODEWAVES_BENCH_REPO).
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
if (process.env.CODEWAVES_BENCH_REPO) {
  run('footprint-bench.mjs', ['--repo', process.env.CODEWAVES_BENCH_REPO, '--jobs', '2', '--out', join(results, 'footprint.json')]);
  run('e2e-bench.mjs', ['--repo', process.env.CODEWAVES_BENCH_REPO, '--out-dir', results]);
} else {
  console.log('\nfootprint and end-to-end benches on real history skipped: set CODEWAVES_BENCH_REPO to a git dir of ngrx/platform (see shared/bench/footprint/README.md)');
}
