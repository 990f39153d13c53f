import type { Task } from '../tasks';
import type { Project } from '../workspace';
import type { Footprint } from './footprint';
import { withImporters } from './evidence/importer-reads';
import { loadFootprintContext } from './load-footprint-context';
import { predictFootprint, taskText, WRITE_THRESHOLD } from './predict-footprint';
import { findImporters } from './sources/importers';
import { findSpellings } from './sources/spellings';
import type { DeclarationCache } from './sources/declarations';
import { kindSpellings, LISTED_CREATION } from './evidence/kind-listings';
import { readPrompt } from './prompt/read-prompt';
import { assistFootprints, type FootprintAssist } from './assist/assist-footprints';

/**
 * Footprints for a set of tasks in a workspace on disk: one pass of evidence gathering for all of
 * them, the pure prediction per task, the model's refinement when asked for, then the importers
 * of what they write as reads. A task that creates files is predicted twice: what lists the new
 * files' siblings is known only once the first prediction has said what they are.
 */
export async function predictFootprints(
  root: string,
  files: readonly string[],
  projects: readonly Project[],
  tasks: readonly Task[],
  /**
   * `notes`: what the workspace could not read (a manifest that does not parse), said with every
   * footprint. `parsed`: source files earlier plans parsed, by content.
   */
  options: { assist?: FootprintAssist; notes?: readonly string[]; parsed?: DeclarationCache } = {},
): Promise<Map<string, Footprint>> {
  const loaded = await loadFootprintContext(root, files, projects, tasks.map(taskText), options.parsed);
  const context = options.notes?.length ? { ...loaded, notes: [...options.notes, ...(loaded.notes ?? [])] } : loaded;
  let heuristic = new Map(tasks.map((task) => [task.id, predictFootprint(task, context)]));
  const created = new Map(tasks.map((task) => [task, createdFiles(heuristic.get(task.id)!)] as const).filter(([, paths]) => paths.length > 0));
  const spellings = kindSpellings([...created.values()].flat(), files);
  if (spellings.length > 0) {
    const found = await findSpellings(root, spellings);
    const known = { ...context, spellings: found.spellings, notes: [...(context.notes ?? []), ...found.notes] };
    for (const task of created.keys()) heuristic.set(task.id, predictFootprint(task, known));
  }
  if (options.assist) heuristic = await assistFootprints(tasks, heuristic, context, options.assist);
  const predicted = tasks.map((task) => [task, heuristic.get(task.id)!] as const);
  const targets = predicted.flatMap(([, footprint]) => footprint.writes.filter((entry) => !entry.pattern && entry.confidence >= WRITE_THRESHOLD).map((entry) => entry.path));
  const importers = await findImporters(root, targets);
  return new Map(
    predicted.map(([task, footprint]) => {
      const text = taskText(task);
      return [task.id, withImporters(footprint, text, importers, WRITE_THRESHOLD, usersOfChangedNames(text, context.usages))];
    }),
  );
}

function createdFiles(footprint: Footprint): string[] {
  return footprint.writes.filter((entry) => entry.creates && !entry.pattern && entry.confidence >= LISTED_CREATION).map((entry) => entry.path);
}

/** The files that use the names a task renames or removes, when every one of them was looked up; else undefined. */
function usersOfChangedNames(text: string, usages: ReadonlyMap<string, readonly string[]> | undefined): Set<string> | undefined {
  const names = readPrompt(text).removes;
  if (names.length === 0 || !usages || names.some((name) => !usages.has(name))) return undefined;
  return new Set(names.flatMap((name) => usages.get(name)!));
}
