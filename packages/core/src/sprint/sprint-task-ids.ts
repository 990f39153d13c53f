import { taskIdFromTitle } from '../tasks';
import type { SprintItem } from './parse-sprint-list';

export interface IdentifiedSprintItem extends SprintItem {
  id: string;
  dependsOn: string[];
}

/**
 * Gives each item the id its title makes, with `-2`, `-3` when that id is already a task's or an
 * earlier item's. A dependency names, in this order: an item's id; an item by the id its title
 * makes (the list refers to its own items, so references follow an item that had to be renamed);
 * an existing task's id; an existing task by the id its title makes (`knownTitles`: title id -> id).
 */
export function identifySprintItems(
  items: readonly SprintItem[],
  takenIds: ReadonlySet<string>,
  knownTitles: ReadonlyMap<string, string> = new Map(),
): IdentifiedSprintItem[] {
  const used = new Set(takenIds);
  const byTitleId = new Map<string, string>();
  const ids = items.map((item) => {
    const base = taskIdFromTitle(item.title);
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    if (!byTitleId.has(base)) byTitleId.set(base, id);
    return id;
  });
  const own = new Set(ids);
  return items.map((item, index) => ({
    ...item,
    id: ids[index]!,
    dependsOn: [
      ...new Set(
        (item.dependsOn ?? []).map((dependency) => {
          if (own.has(dependency)) return dependency;
          return byTitleId.get(dependency) ?? (takenIds.has(dependency) ? dependency : (knownTitles.get(dependency) ?? dependency));
        }),
      ),
    ],
  }));
}
