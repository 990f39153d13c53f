/**
 * The order a wave's branches go into the integration branch: tasks that only add files first
 * (they cannot conflict with anything already merged), then the rest by id, so the order is stable.
 */
export function mergeOrder(tasks: ReadonlyArray<{ id: string; addsOnly: boolean }>): string[] {
  return [...tasks].sort((a, b) => Number(b.addsOnly) - Number(a.addsOnly) || a.id.localeCompare(b.id)).map((task) => task.id);
}
