import type { Plan, PlannedTask } from '../plan/plan';

/** The tasks of each wave, in wave order. An id the plan does not list means a broken plan document. */
export function tasksByWave(plan: Plan): PlannedTask[][] {
  const byId = new Map(plan.tasks.map((task) => [task.id, task]));
  return plan.waves.map((wave, index) =>
    wave.map((id) => {
      const task = byId.get(id);
      if (!task) throw new Error(`wave ${index + 1} names task ${id}, which is not in the plan's tasks`);
      return task;
    }),
  );
}
