import type { Candidate } from './candidate';
import { TEST_RUNNERS } from '../prompt/read-prompt';

/** Config file names by the tool the task names; the file name, not the folder, says which tool it is. */
const TOOL_FILES: Record<string, RegExp> = {
  jest: /^(jest\.(config|preset)\.[cm]?[jt]s|test-setup\.ts|setup-jest\.ts|tsconfig\.spec\.json)$/,
  vitest: /^(vite(st)?\.config\.[cm]?[jt]s|vitest\.workspace\.[cm]?[jt]s|test-setup\.ts|tsconfig\.spec\.json)$/,
  jasmine: /^(karma\.conf\.[cm]?js|test\.ts|tsconfig\.spec\.json)$/,
  karma: /^(karma\.conf\.[cm]?js|test\.ts|tsconfig\.spec\.json)$/,
  eslint: /^(eslint\.config\.[cm]?[jt]s|\.eslintrc(\.[a-z]+)?)$/,
  prettier: /^(\.prettierrc(\.[a-z]+)?|prettier\.config\.[cm]?js)$/,
  typescript: /^tsconfig(\.[a-z]+)*\.json$/,
  tsconfig: /^tsconfig(\.[a-z]+)*\.json$/,
  webpack: /^webpack(\.[a-z]+)*\.config\.[cm]?[jt]s$/,
  rollup: /^rollup\.config\.[cm]?[jt]s$/,
  babel: /^(\.babelrc(\.[a-z]+)?|babel\.config\.[cm]?js(on)?)$/,
  playwright: /^playwright\.config\.[cm]?[jt]s$/,
  cypress: /^cypress\.config\.[cm]?[jt]s$/,
  storybook: /^(main|preview)\.[cm]?[jt]sx?$/,
};
const MAX_CONFIG_FILES = 8;

/** A tool's own configuration (`eslint.config.mjs`, `jest.config.ts`, `tsconfig.spec.json`): written by tooling tasks, which `toolConfig` reads. */
export function isToolConfig(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return Object.entries(TOOL_FILES).some(([tool, pattern]) => pattern.test(name) && (tool !== 'storybook' || file.includes('.storybook/')));
}
/** Test runners live in the project's targets too: moving between them rewrites project.json. */
const RUNNERS: ReadonlySet<string> = new Set(TEST_RUNNERS);
/** The task is about the tooling itself, not code that happens to mention the tool. */
const ABOUT_TOOLING = /\b(migrat(e|es|ed|ing)|switch(es|ed|ing)?|mov(e|es|ed|ing)|replac(e|es|ed|ing)|upgrad(e|es|ed|ing)|config(s|ure|ured|uration)?|set ?up|setup|enabl(e|es|ed)|disabl(e|es|ed)|from \w+ to)\b/i;
const MIGRATION_TASK = /\b(add|adds|create|creates|new)\b.*\b(migration|migrator|migration schematic)s?\b|\b(migration|migrator)s? (for|to)\b/i;

/**
 * Tooling tasks write configuration, not code: "migrate unit tests to Vitest" rewrites the
 * project's jest and vite configs, its test setup and its targets. A task that adds a migration
 * registers it in the project's migrations manifest (Nx and Angular `migrations.json`).
 * Only files inside the task's projects count; with no project, only the workspace root's.
 */
export function toolConfig(prompt: string, words: readonly string[], roots: readonly string[], files: readonly string[]): Candidate[] {
  const within = (file: string) => (roots.length === 0 ? !file.includes('/') : roots.some((root) => root === '' ? !file.includes('/') : file.startsWith(`${root}/`)));
  const nameOf = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  const out: Candidate[] = [];
  const tools = [...new Set(words)].filter((word) => TOOL_FILES[word] !== undefined);
  if (tools.length > 0 && ABOUT_TOOLING.test(prompt)) {
    for (const file of files) {
      if (!within(file) || file.includes('/node_modules/')) continue;
      const tool = tools.find((name) => TOOL_FILES[name]!.test(nameOf(file)) && (name !== 'storybook' || file.includes('.storybook/')));
      if (tool) out.push({ path: file, score: 0.5, reason: `${tool} configuration, in a task about ${tool}` });
      else if (nameOf(file) === 'project.json' && tools.some((name) => RUNNERS.has(name)) && /\b(migrat|switch|mov|replac)/i.test(prompt)) {
        out.push({ path: file, score: 0.45, reason: 'the project\'s targets, when its test runner changes' });
      }
    }
  }
  // Nearest the project root first: a nested tool folder's configs say less about the project's setup.
  out.sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path)).splice(MAX_CONFIG_FILES);
  if (MIGRATION_TASK.test(prompt)) {
    for (const file of files) {
      if (within(file) && /^migrations?\.json$/.test(nameOf(file)) && !file.includes('/node_modules/')) out.push({ path: file, score: 0.55, reason: 'the migrations manifest, where a new migration is registered' });
    }
  }
  return out;
}

/**
 * "migrate standalone-app to Vitest and remove Jest": the workspace drops the tool, so its configs
 * at the workspace root go too, whatever project the task is about. The caller adds these after
 * the scope has scaled its evidence: the scope says where the move is, the removal says the root.
 */
export function removedToolConfigs(prompt: string, words: readonly string[], roots: readonly string[], files: readonly string[]): Candidate[] {
  if (roots.length === 0 || roots.includes('')) return [];
  const removed = [...new Set(words)].filter((tool) => TOOL_FILES[tool] !== undefined && new RegExp(`\\b(remov|drop|delet)\\w*\\s+(the\\s+)?${tool}\\b`, 'i').test(prompt));
  return files
    .filter((file) => !file.includes('/'))
    .flatMap((file) => {
      const tool = removed.find((name) => TOOL_FILES[name]!.test(file));
      return tool ? [{ path: file, score: 0.5, reason: `${tool} configuration of the workspace, in a task that removes ${tool}` }] : [];
    });
}

const CI_CONFIG = /^(\.github\/workflows\/[^/]+\.ya?ml|\.circleci\/config\.ya?ml|\.gitlab-ci\.ya?ml|azure-pipelines\.ya?ml|\.travis\.ya?ml|Jenkinsfile|bitbucket-pipelines\.yml)$/;
const CI_SUPPORT = 0.2;

/**
 * A `ci:` task writes the CI pipeline more often than anything else. Too weak alone to pick one of
 * several workflows, it backs a workflow other evidence already points at (`release` in the prompt).
 */
export function ciConfig(type: string | undefined, files: readonly string[]): Candidate[] {
  if (type !== 'ci') return [];
  return files.filter((file) => CI_CONFIG.test(file)).map((path) => ({ path, score: CI_SUPPORT, reason: 'CI configuration, in a ci task' }));
}
