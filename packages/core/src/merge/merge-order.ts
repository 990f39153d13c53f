/**
 * The order a wave's branches go into the integration branch, so that conflicts are fewest and
 * cheapest: tasks that only add files first (they cannot conflict with anything already merged),
 * then by overlap (how many of their files other tasks of the wave also changed, fewest first, so
 * independent work lands before contested work), then larger changes first (when two collide, the
 * later one is re-run on the merged code, and re-running the smaller change costs less), then by id
 * so the order is stable.
 */
export function mergeOrder(tasks: ReadonlyArray<{ id: string; addsOnly: boolean; files: readonly string[] }>): string[] {
  const changedBy = new Map<string, number>();
  for (const task of tasks) for (const file of new Set(task.files)) changedBy.set(file, (changedBy.get(file) ?? 0) + 1);
  const overlap = (task: { files: readonly string[] }) => [...new Set(task.files)].filter((file) => changedBy.get(file)! > 1).length;
  return [...tasks]
    .sort((a, b) => Number(b.addsOnly) - Number(a.addsOnly) || overlap(a) - overlap(b) || b.files.length - a.files.length || a.id.localeCompare(b.id))
    .map((task) => task.id);
}
