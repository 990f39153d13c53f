import { isInside } from '../../workspace';
import type { Candidate } from './candidate';
import { isHotspot } from './hotspots';
import { isTestFile } from './mentioned-files';

/** A name used in more files than this, inside the task's projects, says nothing about any one of them. */
const MAX_USERS = 4;
const SCORE = 0.3;
/** In a task about tests: "improve tests with `mockImplementation`" edits the tests that call it. */
const MAX_TEST_USERS = 6;
const TEST_SCORE = 0.45;
/** Code names only: `normalizeDatetimeFunction`, `ENVIRONMENT_INITIALIZER`, not kebab-case words. */
const CODE_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * The few source files of the task's projects that use a name the prompt writes: "improve
 * `normalizeDatetimeFunction` for tstzrange" edits the drivers that implement it. Too weak to place
 * a file alone (the users of a name are right about four times in ten): it backs a declaration
 * spread over several files, a path word or history.
 */
export function namedUsers(identifiers: readonly string[], usages: ReadonlyMap<string, readonly string[]>, roots: readonly string[], aboutTests = false): Candidate[] {
  const inRoots = (path: string) => roots.length === 0 || roots.some((root) => isInside(root, path));
  const out: Candidate[] = [];
  for (const name of identifiers) {
    if (!CODE_NAME.test(name)) continue;
    // Tests come with their sources (paired tests), and many quote names in fixtures; a barrel
    // re-exports every name, and the public-API evidence decides when it changes.
    const all = (usages.get(name) ?? []).filter(inRoots);
    const users = all.filter((path) => !isTestFile(path) && !isHotspot(path));
    if (users.length <= MAX_USERS) for (const path of users) out.push({ path, score: SCORE, reason: `uses \`${name}\`, which the task names` });
    if (!aboutTests) continue;
    const tests = all.filter(isTestFile);
    if (tests.length <= MAX_TEST_USERS) for (const path of tests) out.push({ path, score: TEST_SCORE, reason: `a test that uses \`${name}\`, in a task about tests` });
  }
  return out;
}
