import type { Plan } from './plan';

export interface PlanNote {
  note: string;
  /** The tasks whose footprint it concerns; absent when it concerns every task (a shallow clone). */
  tasks?: string[];
}

/**
 * What the footprints could not see (a shallow clone, a file that does not parse), each said once
 * for the plan: the same note on fifty footprints is one fact about the workspace.
 */
export function planNotes(plan: Plan): PlanNote[] {
  const byNote = new Map<string, string[]>();
  for (const task of plan.tasks) for (const note of new Set(task.footprint.notes ?? [])) byNote.set(note, [...(byNote.get(note) ?? []), task.id]);
  return [...byNote].map(([note, tasks]) => (tasks.length === plan.tasks.length && tasks.length > 1 ? { note } : { note, tasks }));
}
