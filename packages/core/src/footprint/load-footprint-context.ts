import { findDeclarations, type DeclarationCache } from './sources/declarations';
import { findDependents } from './sources/manifests';
import { readHistory } from './sources/history';
import { findRouteFiles, routesIn } from './sources/routes';
import { readPrompt, TEST_RUNNERS } from './prompt/read-prompt';
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
  /** Files parsed by earlier plans, by content. */
  parsed?: DeclarationCache,
): Promise<FootprintContext> {
  const facts = prompts.map((prompt) => readPrompt(prompt));
  const identifiers = [...new Set(facts.flatMap((fact) => fact.identifiers))];
  const proseNames = [...new Set(facts.flatMap((fact) => fact.capitalized))];
  const routes = prompts.flatMap((prompt) => routesIn(prompt));
  // Removed and replaced names take their users along, and a move between test runners the tests
  // that call the old one: their users come from the declarations' walk.
  const lookups = [...facts.flatMap((fact) => [...fact.removes, ...fact.replaces]), ...(facts.some((fact) => fact.runnerSwitch) ? TEST_RUNNERS : [])];
  const bumped = [...new Set(facts.flatMap((fact) => [...fact.bumps, ...fact.drops]))];
  const [history, declarations, routeFiles, manifests] = await Promise.all([
    readHistory(root),
    findDeclarations(root, identifiers, prompts.length, proseNames, lookups, parsed),
    findRouteFiles(root, routes),
    findDependents(root, files, bumped),
  ]);
  const notes = [...(history.note ? [history.note] : []), ...declarations.notes, ...manifests.notes];
  return { files, projects, history: history.commits, declarations: declarations.declarations, usages: declarations.usages, routeFiles, dependents: manifests.dependents, notes, notesByName: declarations.notesByName };
}
