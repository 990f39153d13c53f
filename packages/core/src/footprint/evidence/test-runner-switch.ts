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

/**
 * Moving a project to a runner the workspace already uses elsewhere creates that runner's config in
 * the project, named as the other projects name theirs (`vite.config.mts`). A project that has
 * one already keeps it: the configs above cover it.
 */
export function incomingRunnerConfig(target: string | undefined, roots: readonly string[], files: readonly string[]): Candidate[] {
  const config = target ? CONFIG_OF[target] : undefined;
  if (!config || roots.length === 0) return [];
  const names = new Map<string, number>();
  for (const file of files) {
    if (!config.test(file) || file.includes('node_modules/') || roots.some((root) => isInside(root, file))) continue;
    const name = file.slice(file.lastIndexOf('/') + 1);
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  const usual = [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (!usual) return [];
  return roots
    .filter((root) => root !== '' && !files.some((file) => isInside(root, file) && config.test(file)))
    .map((root) => ({ path: `${root}/${usual}`, score: SCORE, creates: true, reason: `new ${target} config, named like the other projects' ${usual}` }));
}
