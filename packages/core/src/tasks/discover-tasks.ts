import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { owningProject, type Project } from '../workspace';
import { parseTaskFile } from './parse-task-file';
import type { Task } from './task';

/** Where task files live unless the user says otherwise: `<project>/codex/<id>.md` and `*.codex.md`. */
export const DEFAULT_TASK_GLOBS = ['**/codex/*.md', '**/*.codex.md'];

export function isTaskFile(file: string, globs: readonly string[] = DEFAULT_TASK_GLOBS): boolean {
  if (/(^|\/)(node_modules|\.codewaves)\//.test(file)) return false;
  // A project may live in a dot folder (trpc's `examples/.experimental/next-app-dir`), and
  // `codewaves sprint` files tasks there like anywhere else: they must be found again.
  return globs.some((glob) => minimatch(file, glob, { dot: true }));
}

/** Reads and parses every task file among `files`; `projects` narrows to those projects' tasks. */
export async function loadTasks(
  root: string,
  files: readonly string[],
  projects: readonly Project[],
  options: { globs?: readonly string[]; onlyProjects?: ReadonlySet<string> } = {},
): Promise<Task[]> {
  const tasks: Task[] = [];
  for (const file of files) {
    if (!isTaskFile(file, options.globs)) continue;
    const project = owningProject(projects, file)?.name;
    if (options.onlyProjects && (!project || !options.onlyProjects.has(project))) continue;
    tasks.push(parseTaskFile(file, await readFile(join(root, file), 'utf8'), { project }));
  }
  return tasks.sort((a, b) => a.id.localeCompare(b.id));
}
