// Where the shared footprint bench (score.mjs, cases, pairs) and the built CLI are, for the
// footprint tools under tools/bench.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The folder that holds score.mjs, or exit 2 saying how to point at it. */
export function footprintBench() {
  const bench = [process.env.CODEWAVES_FOOTPRINT_BENCH, join(root, '..', 'shared', 'bench', 'footprint')].find((dir) => dir && existsSync(join(dir, 'score.mjs')));
  if (bench) return bench;
  console.error('footprint bench not found: set CODEWAVES_FOOTPRINT_BENCH to the folder that holds score.mjs, cases.json and pairs.json');
  process.exit(2);
}

/** The built CLI, or exit 2 asking for a build. */
export function builtCli() {
  const cli = join(root, 'packages', 'core', 'bin', 'codewaves.js');
  if (existsSync(join(root, 'packages', 'core', 'dist', 'cli', 'main.js'))) return cli;
  console.error('build first: npm run build');
  process.exit(2);
}
