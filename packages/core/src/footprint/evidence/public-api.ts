import type { Candidate } from './candidate';

const PUBLIC_API = /\b(export(s|ed|ing)?|public api|expose[sd]?|re-?export(s|ed)?|entry ?point|barrel)\b/i;

/**
 * "Export X", "add X to the public API": such tasks edit the package's entry file, the index.ts that
 * re-exports its modules, even when the prompt names only the symbol.
 */
export function publicApi(prompt: string, projectRoots: readonly string[], files: ReadonlySet<string>): Candidate[] {
  if (!PUBLIC_API.test(prompt)) return [];
  const out: Candidate[] = [];
  for (const root of projectRoots) {
    for (const entry of ['src/index.ts', 'index.ts', 'src/public-api.ts', 'src/public_api.ts', 'src/index.tsx']) {
      const path = root === '' ? entry : `${root}/${entry}`;
      if (files.has(path)) {
        out.push({ path, score: 0.6, reason: 'the prompt changes what the package exports: its entry file' });
        break;
      }
    }
  }
  return out;
}
