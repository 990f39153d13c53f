import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { minimatch } from 'minimatch';
import { resolveProvider, type ProviderConfig, type ProviderOptions } from '../agent/providers/provider-config';
import { CodewavesError } from '../errors';
import { execGit, git, uncommittedPaths } from '../git';
import type { Sprint } from './plan-sprint';
import { STATE_FOLDER } from '../threads';

/** Every task's model, decided before anything is created, so a bad setting fails the run up front. */
export function resolveProviders(sprint: Sprint, options: ProviderOptions, env: NodeJS.ProcessEnv): Map<string, ProviderConfig> {
  return new Map(sprint.tasks.map((task) => [task.id, resolveProvider(task, sprint.workspace.root, options, env)]));
}

/** A cheap call per distinct endpoint: an unreachable server fails here, before any worktree exists. */
export async function checkEndpoints(configs: Iterable<ProviderConfig>): Promise<void> {
  const seen = new Set<string>();
  for (const config of configs) {
    if (config.kind !== 'openai') continue;
    const key = `${config.baseURL}|${config.model}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await probe(config);
  }
}

/** Any HTTP answer will do (not every compatible server lists models); only "cannot connect" fails. */
async function probe(config: Extract<ProviderConfig, { kind: 'openai' }>): Promise<void> {
  const base = (config.baseURL ?? 'https://api.openai.com/v1').replace(/\/$/, '');
  try {
    await fetch(`${base}/models`, { headers: { authorization: `Bearer ${config.apiKey}` }, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new CodewavesError('MODEL_UNREACHABLE', `cannot reach the model endpoint ${base}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`, {
      hint: 'check OPENAI_BASE_URL (or the task\'s agent.baseURL) and that the server is running; nothing was started',
    });
  }
}

/**
 * Uncommitted edits to a file in a task's footprint are invisible to the agents, which start from
 * the last commit: stop, unless the user said that is fine.
 */
export async function checkWorkingTree(sprint: Sprint): Promise<void> {
  const dirty = (await uncommittedPaths(sprint.workspace.root)).filter(
    (path) => !path.startsWith(`${STATE_FOLDER}/`) && !sprint.tasks.some((task) => task.file === path),
  );
  const blocking = dirty.filter((path) =>
    [...sprint.footprints.values()].some((footprint) =>
      footprint.writes.some((entry) => (entry.pattern ? minimatch(path, entry.path, { dot: true }) : entry.path === path)),
    ),
  );
  if (blocking.length > 0) {
    throw new CodewavesError('DIRTY_WORKING_TREE', `uncommitted changes in files the tasks will change: ${blocking.slice(0, 5).join(', ')}${blocking.length > 5 ? ` and ${blocking.length - 5} more` : ''}`, {
      hint: 'agents start from the last commit and would not see these edits: commit or stash them, or pass --allow-dirty',
    });
  }
}

/** Keeps runtime state out of `git status` without touching the user's tracked files. */
export async function ignoreStateFolder(root: string): Promise<void> {
  const ignored = await execGit(root, ['check-ignore', '-q', `${STATE_FOLDER}/latest-run`]);
  if (ignored.exitCode === 0) return;
  let exclude = (await git(root, ['rev-parse', '--git-path', 'info/exclude'])).trim();
  if (!isAbsolute(exclude)) exclude = join(root, exclude);
  mkdirSync(dirname(exclude), { recursive: true });
  const current = existsSync(exclude) ? readFileSync(exclude, 'utf8') : '';
  appendFileSync(exclude, `${current === '' || current.endsWith('\n') ? '' : '\n'}/${STATE_FOLDER}\n`);
}

export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}
