import { CodewavesError } from '../errors';
import type { Task } from './task';

/**
 * Checks what no single file can: ids are unique, every dependsOn names a task in the set, and the
 * dependencies form no cycle (the cycle is printed, in order, so the user sees which edge to cut).
 */
export function validateTaskSet(tasks: readonly Task[]): void {
  const byId = new Map<string, Task>();
  for (const task of tasks) {
    const other = byId.get(task.id);
    if (other) {
      throw new CodewavesError('TASK_DUPLICATE_ID', `task id \`${task.id}\` is used by ${other.file} and ${task.file}`, {
        location: { file: task.file, line: 1 },
        hint: 'rename one of the files, or give one of them a different `id:` in its front matter',
      });
    }
    byId.set(task.id, task);
  }
  for (const task of tasks) {
    for (const dependency of task.dependsOn) {
      if (!byId.has(dependency)) {
        throw new CodewavesError('TASK_UNKNOWN_DEPENDENCY', `task \`${task.id}\` depends on \`${dependency}\`, which is not a task in this run`, {
          location: { file: task.file },
          hint: `known task ids: ${[...byId.keys()].join(', ')}. Fix the id, or include that task's project in the run`,
        });
      }
    }
  }
  const cycle = findCycle(tasks);
  if (cycle) {
    const first = byId.get(cycle[0]!)!;
    throw new CodewavesError('TASK_DEPENDENCY_CYCLE', `dependsOn forms a cycle: ${[...cycle, cycle[0]].join(' -> ')}`, {
      location: { file: first.file },
      hint: 'remove one dependsOn entry in the cycle: a task cannot wait for a task that waits for it',
    });
  }
}

/** A dependency cycle as a list of ids, or undefined. Deterministic: tasks are visited in id order. */
export function findCycle(tasks: readonly Task[]): string[] | undefined {
  const deps = new Map(tasks.map((task) => [task.id, [...task.dependsOn].sort()]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return stack.slice(stack.indexOf(id));
    state.set(id, 'visiting');
    stack.push(id);
    for (const next of deps.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of [...deps.keys()].sort()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}
