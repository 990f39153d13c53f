import { isInside } from '../../workspace';
import type { Candidate } from './candidate';
import { isTestFile, TEST_FOLDER, TEST_FOLDER_NAMES } from './mentioned-files';
import { NAMED_AREA } from './named-areas';

/** More test folders than this in a project are its layout, written as one pattern. */
const MAX_TEST_FOLDERS = 3;

/**
 * "chore(eslint-plugin): fix typo in test", "Remove noise from console.warn in tests": a task about
 * a project's tests that names none of them may edit any. Its tests are an area at the guard, so
 * it is kept apart from every task predicted to write one of them, and no path is added.
 * The caller asks only when no test reached the write set: a task that names its test is placed.
 */
export function testArea(roots: readonly string[], files: readonly string[]): Candidate[] {
  return roots
    .filter((root) => root !== '')
    .flatMap((root) => {
      const tests = files.filter((file) => isInside(root, file) && isTestFile(file));
      if (tests.length === 0) return [];
      // A scope may name a folder of tests (`test(cascades)` -> `test/functional/cascades`): all of it.
      if (TEST_FOLDER.test(`${root}/`)) return [{ path: `${root}/**`, pattern: true, score: NAMED_AREA, reason: reasonFor(root) }];
      const folders = new Set<string>();
      let beside = false;
      for (const file of tests) {
        const match = TEST_FOLDER.exec(file.slice(root.length + 1));
        if (match) folders.add(`${root}/${file.slice(root.length + 1, root.length + 1 + match.index + match[0].length - 1)}`);
        else beside = true;
      }
      const patterns = folders.size <= MAX_TEST_FOLDERS ? [...folders].sort().map((folder) => `${folder}/**`) : [`${root}/**/{${TEST_FOLDER_NAMES.join(',')}}/**`];
      if (beside) patterns.push(`${root}/**/*.{spec,test}.*`);
      return patterns.map((path) => ({ path, pattern: true, score: NAMED_AREA, reason: reasonFor(root) }));
    });
}

const reasonFor = (root: string) => `a task about the tests of ${root}/ that names none: it may edit any of them`;
