import { findRepositoryRoot, headCommit, listWorkspaceFiles } from '../git';
import { CodewavesError } from '../errors';
import { predictFootprints, type Footprint, type FootprintAssist } from '../footprint';
import { buildPlan, DEFAULT_POLICY, type Plan, type PlanPolicy } from '../plan';
import { affectedTasks, changedFiles } from './affected';
import { loadTasks, validateTaskSet, type Task } from '../tasks';
import { detectWorkspace, type Project, type Workspace } from '../workspace';
import { cachedFootprints, openDeclarationCache, type CacheOutcome } from './footprint-cache';

export interface SprintOptions {
  /** Any folder inside the workspace. */
  cwd: string;
  /** Projects as the caller knows them (the Nx plugin passes Nx's graph); otherwise detected. */
  projects?: Project[];
  /** Only tasks of these projects. */
  onlyProjects?: ReadonlySet<string>;
  taskGlobs?: readonly string[];
  /**
   * Tasks whose files are not written yet (`codewaves sprint --dry-run`): planned as if they were,
   * their files counted among the workspace's, so the plan equals the one after writing them.
   */
  extraTasks?: readonly Task[];
  /** How hotspots are treated and how many agents run at once. */
  policy?: Partial<PlanPolicy>;
  /** Only tasks whose task file or footprint meets a file changed since this ref. */
  affectedSince?: string;
  /** Refine the footprints with a model (`--assist`); off by default. */
  assist?: FootprintAssist;
  /** Read and keep footprints under .codewaves/cache/ (default true; `--no-cache`). Never with `assist`. */
  cache?: boolean;
}

export interface Sprint {
  workspace: Workspace;
  tasks: Task[];
  footprints: Map<string, Footprint>;
  plan: Plan;
  /** Whether the footprints came from .codewaves/cache/ ('hit'), were predicted and kept ('miss'), or the cache was not used. */
  footprintCache: CacheOutcome;
}

/** tasks -> footprints -> plan, for a workspace on disk. Reads files; writes only its footprint cache (.codewaves/cache/). */
export async function planSprint(options: SprintOptions): Promise<Sprint> {
  const root = await findRepositoryRoot(options.cwd);
  const base = await headCommit(root);
  const onDisk = await listWorkspaceFiles(root);
  const extra = (options.extraTasks ?? []).filter((task) => !options.onlyProjects || (task.project !== undefined && options.onlyProjects.has(task.project)));
  const files = extra.length > 0 ? [...new Set([...onDisk, ...extra.map((task) => task.file)])].sort() : onDisk;
  const detected = await detectWorkspace(root, files);
  const workspace: Workspace = options.projects ? { ...detected, projects: options.projects } : detected;
  const loaded = await loadTasks(root, onDisk, workspace.projects, { globs: options.taskGlobs, onlyProjects: options.onlyProjects });
  const tasks = [...loaded, ...extra].sort((a, b) => a.id.localeCompare(b.id));
  if (tasks.length === 0) {
    throw new CodewavesError('NO_TASKS', `no task files found in ${root}${options.onlyProjects ? ` for ${[...options.onlyProjects].join(', ')}` : ''}`, {
      hint: 'add one with `nx g @codewaves/nx:task <project> --title "..."`, or write <project>/codex/<id>.md by hand',
    });
  }
  validateTaskSet(tasks);
  const cached = options.cache !== false && !options.assist;
  const predict = async () => {
    const parsed = cached ? await openDeclarationCache(root) : undefined;
    const predicted = await predictFootprints(root, files, workspace.projects, tasks, { assist: options.assist, notes: workspace.notes, parsed });
    await parsed?.save();
    return predicted;
  };
  const { footprints, cache } = cached ? await cachedFootprints(root, base, tasks, workspace.projects, predict) : { footprints: await predict(), cache: 'off' as const };
  const selected = options.affectedSince === undefined ? tasks : onlyAffected(tasks, footprints, await changedFiles(root, options.affectedSince));
  const policy: PlanPolicy = { ...DEFAULT_POLICY, ...options.policy };
  return { workspace, tasks: selected, footprints, plan: buildPlan(selected, footprints, base, policy), footprintCache: cache };
}

/** Affected tasks; a dependency outside the selection counts as already done. */
function onlyAffected(tasks: readonly Task[], footprints: ReadonlyMap<string, Footprint>, changed: readonly string[]): Task[] {
  const selected = affectedTasks(tasks, footprints, changed);
  const ids = new Set(selected.map((task) => task.id));
  return selected.map((task) => ({ ...task, dependsOn: task.dependsOn.filter((id) => ids.has(id)) }));
}
