import { isInside } from '../../workspace';
import { TEST_RUNNERS } from '../prompt/read-prompt';
import type { Candidate } from './candidate';
import { isTestFile } from './mentioned-files';

const CONFIG_OF: Record<string, RegExp> = {
  jest: /(^|\/)jest\.(config|preset)\.[cm]?[jt]s$/,
  vitest: /(^|\/)vite(st)?\.config\.[cm]?[jt]s$/,
  jasmine: /(^|\/)(karma\.conf\.[cm]?js|jasmine\.json)$/,
  karma: /(^|\/)karma\.conf\.[cm]?js$/,
  mocha: /(^|\/)\.mocharc(\.[a-z]+)?$/,
};
const SCORE = 0.45;
/** Beyond this many files the sweep is the whole test suite: the project pattern says it better. */
const MAX_USERS = 40;

/**
 * Moving a project's tests to another runner rewrites every test that calls the old runner's API
 * (`jest.fn`, `jasmine.createSpy`), and those spell its name, and it deletes or rewrites the old
 * runner's configuration. The old runner is the one the prompt
 * names besides the new ("from Jest"), else the one whose config the project still has.
 */
export function outgoingRunnerUsers(prompt: string, target: string | undefined, roots: readonly string[], files: readonly string[], usages: ReadonlyMap<string, readonly string[]>): Candidate[] {
  if (!target || roots.length === 0) return [];
  const within = (file: string) => roots.some((root) => isInside(root, file));
  const named = TEST_RUNNERS.filter((runner) => runner !== target && new RegExp(`\\b${runner}\\b`, 'i').test(prompt));
  const configured = TEST_RUNNERS.filter((runner) => runner !== target && files.some((file) => within(file) && CONFIG_OF[runner]!.test(file)));
  const out: Candidate[] = [];
  for (const runner of named.length > 0 ? named : configured) {
    // Its configuration goes: the move deletes or rewrites it.
    for (const path of files.filter((file) => within(file) && CONFIG_OF[runner]!.test(file))) out.push({ path, score: SCORE, reason: `configures ${runner}, which the task replaces with ${target}` });
    const users = (usages.get(runner) ?? []).filter((file) => within(file) && (isTestFile(file) || /(^|\/)(test-setup|setup-tests?)\.[cm]?[jt]s$/.test(file)));
    if (users.length === 0 || users.length > MAX_USERS) continue;
    for (const path of users) out.push({ path, score: SCORE, reason: `calls ${runner}, which the task replaces with ${target}` });
  }
  return out;
}
