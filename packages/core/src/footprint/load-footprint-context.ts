import { findDeclarations } from './sources/declarations';
import { readHistory } from './sources/history';
import { findRouteFiles, routesIn } from './sources/routes';
import { readPrompt } from './prompt/read-prompt';
import type { FootprintContext } from './predict-footprint';
import type { Project } from '../workspace';

/**
 * Gathers what the pure predictor needs for a set of tasks: git history once, and the declarations
 * of every identifier the prompts mention (one grep, one parse of the few files that match).
 */
export async function loadFootprintContext(
  root: string,
  files: readonly string[],
  projects: readonly Project[],
  prompts: readonly string[],
): Promise<FootprintContext> {
  const identifiers = [...new Set(prompts.flatMap((prompt) => readPrompt(prompt).identifiers))];
  const routes = prompts.flatMap((prompt) => routesIn(prompt));
  const [history, declarations, routeFiles] = await Promise.all([readHistory(root), findDeclarations(root, identifiers, prompts.length), findRouteFiles(root, routes)]);
  const notes = [...(history.note ? [history.note] : []), ...declarations.notes];
  return { files, projects, history: history.commits, declarations: declarations.declarations, routeFiles, notes };
}
