import type { Candidate } from './candidate';
import { isTestFile, stemOf } from './mentioned-files';

/** The tests of a source file the task writes: same stem, same project (`src/a.ts` -> `spec/a.spec.ts`). */
export function pairedTests(seeds: ReadonlyMap<string, number>, testsByStem: ReadonlyMap<string, string[]>, projectRootOf: (file: string) => string | undefined, testTask: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const [source, score] of seeds) {
    if (isTestFile(source)) continue;
    const root = projectRootOf(source);
    const tests = (testsByStem.get(stemOf(source)) ?? []).filter((test) => projectRootOf(test) === root);
    if (tests.length === 0 || tests.length > 4) continue;
    for (const test of tests) out.push({ path: test, score: (testTask ? 0.8 : 0.55) * score, reason: `tests ${source}` });
  }
  return out;
}
