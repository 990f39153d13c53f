import type { Candidate } from './candidate';
import { kebabCase } from '../prompt/read-prompt';
import { isHotspot } from './hotspots';
import { isTestFile, stemOf } from './mentioned-files';

/** `a.types.spec.ts`, `spec/types/a.spec.ts`, `a.test-d.ts`: tests that only compile, checking the types a file exports. */
const TYPE_TEST = /\.(types?\.(spec|test)|test-d|spec-d)\.[cm]?tsx?$|\/types?\/[^/]*\.(spec|test)\.[cm]?tsx?$/;
/** The task is about what the compiler infers or accepts, not what the code does at run time. */
export const ABOUT_TYPES = /\b(types?|typings?|typed|typing|infers?|inferred|inference|generics?|typescript|TS \d[\d.]*|overloads?)\b/i;

/**
 * The tests of a source file the task writes: same stem (or its kebab-case spelling: `VersionUtils.ts`
 * -> `version-utils.test.ts`), same project (`src/a.ts` -> `spec/a.spec.ts`).
 * A task about types changes the type tests of the file rather than its run-time tests.
 */
export function pairedTests(seeds: ReadonlyMap<string, number>, testsByStem: ReadonlyMap<string, string[]>, projectRootOf: (file: string) => string | undefined, testTask: boolean, typesTask = false): Candidate[] {
  const out: Candidate[] = [];
  for (const [source, score] of seeds) {
    // A barrel's "tests" are whatever else is named index: a migration's, a schematic's.
    if (isTestFile(source) || isHotspot(source)) continue;
    const root = projectRootOf(source);
    const stem = stemOf(source);
    const tests = [...new Set([...(testsByStem.get(stem) ?? []), ...(testsByStem.get(kebabCase(stem)) ?? [])])].filter((test) => projectRootOf(test) === root);
    if (tests.length === 0 || tests.length > 4) continue;
    for (const test of tests) {
      const weight = typesTask ? (TYPE_TEST.test(test) ? 0.8 : 0.45) : testTask ? 0.8 : 0.55;
      out.push({ path: test, score: weight * score, reason: `${TYPE_TEST.test(test) ? 'type-tests' : 'tests'} ${source}` });
    }
  }
  return out;
}
