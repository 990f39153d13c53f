import { formatFiles, joinPathFragments, readProjectConfiguration, type Tree } from '@nx/devkit';
import { parseTaskFile, renderTaskFile, TASK_ID_PATTERN, taskIdFromTitle } from '@codewaves/core';
import type { TaskGeneratorSchema } from './schema';

/**
 * Writes `<project root>/codex/<id>.md`. The file is parsed back before it is written, so the
 * generator can never produce a task file the engine would reject.
 */
export async function taskGenerator(tree: Tree, options: TaskGeneratorSchema): Promise<void> {
  const project = readProjectConfiguration(tree, options.project);
  const id = options.id ?? taskIdFromTitle(options.title);
  if (!TASK_ID_PATTERN.test(id)) {
    throw new Error(`--id ${JSON.stringify(id)} must be an id made of letters, digits, ".", "_" and "-", starting with a letter or digit`);
  }
  const file = joinPathFragments(project.root, 'codex', `${id}.md`);
  if (tree.exists(file)) {
    throw new Error(`${file} already exists: choose another --id, or edit that file`);
  }
  const content = renderTaskFile(
    { title: options.title, touches: list(options.touches), dependsOn: list(options.dependsOn) },
    options.body ?? options.title,
  );
  parseTaskFile(file, content, { project: options.project });
  tree.write(file, content);
  if (!options.skipFormat) await formatFiles(tree);
}

/** Nx passes `--touches a,b` as a string and `--touches a --touches b` as a list. */
function list(value: string[] | string | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((entry) => entry.split(',')).map((entry) => entry.trim()).filter(Boolean);
}

export default taskGenerator;
