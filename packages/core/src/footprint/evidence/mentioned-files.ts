import type { Candidate } from './candidate';
import { kebabCase, splitIdentifier } from '../prompt/read-prompt';

/**
 * Paths and file names written in the prompt, and identifiers that name a file (`withHooks` ->
 * with-hooks.ts). In a task about tests an identifier that names only test files names those
 * (`increase timeout for of_type test` -> of_type.spec.ts).
 */
export function mentionedFiles(
  paths: readonly string[],
  identifiers: readonly string[],
  files: readonly string[],
  stems: ReadonlyMap<string, string[]>,
  projectRoot: string | undefined,
  testsByStem: ReadonlyMap<string, string[]> = new Map(),
  aboutTests = false,
): Candidate[] {
  const out: Candidate[] = [];
  for (const token of paths) {
    const suffix = files.filter((file) => file.endsWith(`/${token}`));
    // A bare name (`README.md`) or partial path that several files bear is no statement of which: the scope chooses.
    const stated = (token.includes('/') || suffix.length === 0) ? { stated: 'prompt' as const } : {};
    if (files.includes(token)) out.push({ path: token, score: 0.85, reason: `path "${token}" is in the prompt`, ...stated });
    else if (projectRoot && files.includes(`${projectRoot}/${token}`)) out.push({ path: `${projectRoot}/${token}`, score: 0.8, reason: `path "${token}" is in the prompt`, stated: 'prompt' });
    else {
      if (suffix.length > 0 && suffix.length <= 3) for (const file of suffix) out.push({ path: file, score: 0.6, reason: `file name "${token}" is in the prompt`, ...(suffix.length === 1 ? { stated: 'prompt' as const } : {}) });
      else if (suffix.length === 0 && token.includes('/') && /\.[a-z]{1,5}$/i.test(token)) {
        // A path that does not exist yet: a file the task will create, where the prompt says.
        const path = projectRoot && !files.some((file) => file.startsWith(`${token.split('/')[0]}/`)) ? `${projectRoot}/${token}` : token;
        out.push({ path, score: 0.7, reason: `new file "${token}" named in the prompt`, stated: 'prompt' });
      }
    }
  }
  for (const identifier of identifiers) {
    const spellings = new Set([identifier, identifier.toLowerCase(), kebabCase(identifier)]);
    const sources = [...spellings].map((stem) => (stems.get(stem) ?? []).filter((file) => !isTestFile(file)));
    const tests = aboutTests && sources.every((named) => named.length === 0) ? [...spellings].map((stem) => testsByStem.get(stem) ?? []) : [];
    for (const named of [...sources, ...tests]) {
      if (named.length > 0 && named.length <= 4) {
        // Files that share a long name are one thing's parts (a lint rule and its docs page), not
        // rival guesses: `no-multiple-actions-in-effects.ts` and `.md`.
        const share = splitIdentifier(identifier).length >= 3 ? 1 : Math.sqrt(named.length);
        for (const file of named) out.push({ path: file, score: 0.6 / share, reason: `file named after \`${identifier}\`` });
      }
    }
  }
  return out;
}

/** A JavaScript or TypeScript module (`.ts`, `.tsx`, `.mjs`, `.cjs`, ...). */
export function isCodeFile(file: string): boolean {
  return /\.[cm]?[jt]sx?$/.test(file);
}

export function isTestFile(file: string): boolean {
  return /(^|\/)(__tests__|spec|specs|test|tests|e2e)\//.test(file) || /\.(spec|test|e2e-spec|types?\.(spec|test)|test-d|spec-d)\.[cm]?[jt]sx?$/.test(file);
}

/** The stem of a file: `src/with-hooks.spec.ts` -> `with-hooks`. */
export function stemOf(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return base.replace(/\.(d\.)?[cm]?[jt]sx?$|\.[a-z0-9]+$/i, '').replace(/\.(types?\.(spec|test)|e2e-spec|test-d|spec-d|spec|test|types|stories)$/i, '').replace(/\.(spec|test)$/, '');
}
