import { formatFiles, logger, normalizePath, type Tree } from '@nx/devkit';
import { formatError, isCodewavesError, parseSprintList, placeSprintTasks, type SprintPlacement } from '@codewaves/core';
import { projectsFromTree } from '../../utils/workspace-projects';
import { treeFiles, treeTasks } from './lib/tree-workspace';
import type { SprintGeneratorSchema } from './schema';

/**
 * Writes one task file per open item of a sprint list, each in the project its predicted footprint
 * points to. The prediction uses the tree's files and Nx's projects only (no git history): the
 * CLI's `codewaves sprint` sees more, this one works inside any generator run, dry runs included.
 */
export async function sprintGenerator(tree: Tree, options: SprintGeneratorSchema): Promise<void> {
  const from = normalizePath(options.from).replace(/^\.\//, '');
  if (!tree.exists(from)) {
    throw new Error(`${from}: no such file in the workspace\n  fix: give the sprint list's path relative to the workspace root, e.g. --from sprint.md`);
  }
  const placement = withReadableErrors(() => {
    const items = parseSprintList(from, tree.read(from, 'utf-8')!);
    const projects = projectsFromTree(tree);
    const files = treeFiles(tree);
    return placeSprintTasks(items, { files, projects }, { sprintFile: from, existingTasks: treeTasks(tree, files, projects), defaultProject: options.project });
  });
  const taken = placement.tasks.find((entry) => tree.exists(entry.path));
  if (taken) throw new Error(`${taken.path} already exists; a sprint never overwrites a file\n  fix: reword the item's title (the id comes from it), or move ${taken.path} away`);
  for (const entry of placement.tasks) tree.write(entry.path, entry.content);
  report(from, placement);
  if (!options.skipFormat) await formatFiles(tree);
}

function report(from: string, { tasks, existing }: SprintPlacement): void {
  logger.info(tasks.length === 0 ? `Nothing new in ${from}: every open item already is a task.` : `${tasks.length} task file${tasks.length === 1 ? '' : 's'} from ${from}:`);
  for (const entry of tasks) logger.info(`  ${entry.id} -> ${entry.path}  [${entry.project}: ${entry.reason}]`);
  for (const entry of existing) logger.info(`  line ${entry.line} is already a task: ${entry.id} (${entry.file}), left as it is`);
  logger.info('See the waves they make with `nx run-many -t codex-plan`, run them with `nx run-many -t codex`.');
}

/** Nx prints only an error's message: put the file, the line and the fix into it. */
function withReadableErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw isCodewavesError(error) ? new Error(formatError(error), { cause: error }) : error;
  }
}

export default sprintGenerator;
