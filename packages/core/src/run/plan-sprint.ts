import { findRepositoryRoot, headCommit, listWorkspaceFiles } from '../git';
import { CodewavesError } from '../errors';
import { loadFootprintContext, predictFootprint, type Footprint } from '../footprint';
import { buildPlan, type Plan } from '../plan';
import { loadTasks, validateTaskSet, type Task } from '../tasks';
import { detectWorkspace, type Project, type Workspace } from '../workspace';

export interface SprintOptions {
  /** Any folder inside the workspace. */
  cwd: string;
  /** Projects as the caller knows them (the Nx plugin passes Nx's graph); otherwise detected. */
  projects?: Project[];
  /** Only tasks of these projects. */
  onlyProjects?: ReadonlySet<string>;
  taskGlobs?: readonly string[];
}

export interface Sprint {
  workspace: Workspace;
  tasks: Task[];
  footprints: Map<string, Footprint>;
  plan: Plan;
}

/** tasks -> footprints -> plan, for a workspace on disk. Reads files; changes nothing. */
export async function planSprint(options: SprintOptions): Promise<Sprint> {
  const root = await findRepositoryRoot(options.cwd);
  const base = await headCommit(root);
  const files = await listWorkspaceFiles(root);
  const detected = await detectWorkspace(root, files);
  const workspace: Workspace = options.projects ? { ...detected, projects: options.projects } : detected;
  const tasks = await loadTasks(root, files, workspace.projects, { globs: options.taskGlobs, onlyProjects: options.onlyProjects });
  if (tasks.length === 0) {
    throw new CodewavesError('NO_TASKS', `no task files found in ${root}${options.onlyProjects ? ` for ${[...options.onlyProjects].join(', ')}` : ''}`, {
      hint: 'add one with `nx g @codewaves/nx:task <project> --title "..."`, or write <project>/codex/<id>.md by hand',
    });
  }
  validateTaskSet(tasks);
  const context = await loadFootprintContext(root, files, workspace.projects, tasks.map((task) => `${task.title}\n${task.prompt}`));
  const footprints = new Map(tasks.map((task) => [task.id, predictFootprint(task, context)]));
  return { workspace, tasks, footprints, plan: buildPlan(tasks, footprints, base) };
}
