import { visitNotIgnoredFiles, type Tree } from '@nx/devkit';
import { isTaskFile, owningProject, parseTaskFile, type Project, type Task } from '@codewaves/core';

/** The workspace's files as git would list them: ignored files and node_modules left out, like the CLI's `git ls-files`. */
export function treeFiles(tree: Tree): string[] {
  const files: string[] = [];
  visitNotIgnoredFiles(tree, '', (file) => files.push(file));
  return files.sort();
}

/** The task files already in the tree, parsed: their ids are taken and new tasks must fit with them. */
export function treeTasks(tree: Tree, files: readonly string[], projects: readonly Project[]): Task[] {
  return files
    .filter((file) => isTaskFile(file))
    .map((file) => parseTaskFile(file, tree.read(file, 'utf-8') ?? '', { project: owningProject(projects, file)?.name }));
}
