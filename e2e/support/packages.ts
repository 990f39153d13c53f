import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { e2eEnv } from './env';
import { describeResult, run } from './run';

export const REPO_ROOT = join(__dirname, '..', '..');

/** The publishable packages, by short name. */
export const PACKAGES = {
  core: { name: '@codewaves/core', dir: 'packages/core', entry: 'dist/cli/main.js' },
  nx: { name: '@codewaves/nx', dir: 'packages/nx', entry: 'dist/executors/codex/batch.js' },
} as const;

export type PackageKey = keyof typeof PACKAGES;

/**
 * Fails with the fix when a package has not been built: the suites install what `npm pack` puts in
 * the tarball, which is the dist/ folder, never the TypeScript sources.
 */
export function assertBuilt(keys: readonly PackageKey[]): void {
  const missing = keys.filter((key) => !existsSync(join(REPO_ROOT, PACKAGES[key].dir, PACKAGES[key].entry)));
  if (missing.length > 0) {
    throw new Error(
      `${missing.map((key) => `${PACKAGES[key].dir}/${PACKAGES[key].entry}`).join(' and ')} missing: the e2e suites install the built packages. ` +
        'Run `npm run build` first (`npm test` does it for you).',
    );
  }
  const stale = keys.flatMap((key) => staleOutputs(join(REPO_ROOT, PACKAGES[key].dir)));
  if (stale.length > 0) {
    // A warning, not a failure: someone may be editing while the suites run.
    console.warn(`[e2e] older than their sources, so the suites test the last build: ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', ...' : ''}. Run \`npm run build\`.`);
  }
}

/** dist/ files missing or older than their src/ file (tsc -b rewrites only what changed, so compare file by file). */
function staleOutputs(packageDir: string, sub = ''): string[] {
  const stale: string[] = [];
  for (const entry of readdirSync(join(packageDir, 'src', sub), { withFileTypes: true })) {
    const path = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) stale.push(...staleOutputs(packageDir, path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
      const output = join(packageDir, 'dist', path.replace(/\.ts$/, '.js'));
      if (!existsSync(output) || statSync(output).mtimeMs < statSync(join(packageDir, 'src', path)).mtimeMs) stale.push(relative(REPO_ROOT, output));
    }
  }
  return stale;
}

/**
 * `npm pack`s the built packages into a fresh temporary folder, the way they would be published.
 * Returns each package's tarball path.
 */
export async function packPackages(keys: readonly PackageKey[] = ['core', 'nx']): Promise<Record<PackageKey, string>> {
  assertBuilt(keys);
  const destination = mkdtempSync(join(tmpdir(), 'codewaves-e2e-pack-'));
  const workspaces = keys.flatMap((key) => ['-w', PACKAGES[key].dir]);
  const result = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination, ...workspaces], { cwd: REPO_ROOT, env: e2eEnv() });
  if (result.code !== 0) throw new Error(describeResult('npm pack', result));
  const packed = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as Array<{ name: string; filename: string }>;
  const tarballs = {} as Record<PackageKey, string>;
  for (const key of keys) {
    const entry = packed.find((item) => item.name === PACKAGES[key].name);
    if (!entry) throw new Error(`npm pack did not report ${PACKAGES[key].name}: ${result.stdout}`);
    const file = join(destination, entry.filename.replace(/^@/, '').replace('/', '-'));
    if (!existsSync(file)) throw new Error(`npm pack reported ${entry.filename} but ${relative(REPO_ROOT, file)} does not exist; packed: ${readdirSync(destination).join(', ')}`);
    tarballs[key] = file;
  }
  return tarballs;
}
