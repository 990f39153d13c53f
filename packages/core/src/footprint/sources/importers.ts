import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { execGit } from '../../git';

const SOURCE = /\.(c|m)?[jt]sx?$/;
const MAX_TARGETS = 40;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '/index.ts', '/index.tsx', '/index.js'];

/**
 * Files that import each of `targets` through a relative specifier. One `git grep` for the targets'
 * base names narrows the workspace; each hit's specifiers are then resolved against its own folder,
 * so `../users` counts only where it really means that file.
 */
export async function findImporters(root: string, targets: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const wanted = [...new Set(targets.filter((file) => SOURCE.test(file)))].slice(0, MAX_TARGETS);
  if (wanted.length === 0) return result;
  const stems = [...new Set(wanted.map((file) => file.slice(file.lastIndexOf('/') + 1).replace(/\.(c|m)?[jt]sx?$/, '')))];
  const names = stems.map((stem) => (stem === 'index' ? '' : stem)).filter(Boolean);
  if (names.length === 0) return result;
  // One alternation without a leading wildcard: per-name patterns starting with ['"][^'"]* made
  // git grep backtrack on every quote (measured: 4.7 s against 0.2 s on 10k files). The import
  // statements of each hit are resolved below, so a loose match costs nothing.
  const pattern = `/(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(\\.[cm]?[jt]sx?)?['"]`;
  const grep = await execGit(root, ['grep', '-l', '-E', '-I', '-e', pattern, '--', '*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs']);
  const targetSet = new Set(wanted);
  for (const importer of grep.stdout.split('\n').filter(Boolean)) {
    const text = await readFile(join(root, importer), 'utf8').catch(() => '');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const resolved = resolveSpecifier(root, importer, match[1]!, targetSet);
      if (resolved && resolved !== importer) {
        const list = result.get(resolved) ?? [];
        if (!list.includes(importer)) list.push(importer);
        result.set(resolved, list);
      }
    }
  }
  return result;
}

function resolveSpecifier(root: string, importer: string, specifier: string, targets: ReadonlySet<string>): string | undefined {
  const base = normalize(join(dirname(importer), specifier.replace(/\.js$/, ''))).split('\\').join('/');
  for (const extension of EXTENSIONS) {
    const candidate = `${base}${extension}`;
    if (targets.has(candidate)) return candidate;
  }
  // `.js` in a TypeScript import names the `.ts` file it compiles from
  const asWritten = normalize(join(dirname(importer), specifier)).split('\\').join('/');
  return targets.has(asWritten) && existsSync(join(root, asWritten)) ? asWritten : undefined;
}
