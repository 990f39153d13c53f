import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { formatError } from '@codewaves/core';
import { printPlan } from './lib/print-plan';
import type { CodexPlanExecutorOptions } from './schema';

/** One plan across every selected project, reported under each project's task. */
export default async function* codexPlanBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, CodexPlanExecutorOptions>,
  overrides: CodexPlanExecutorOptions,
  context: ExecutorContext,
): AsyncGenerator<{ task: string; result: { success: boolean; terminalOutput: string; startTime: number; endTime: number } }> {
  const startTime = Date.now();
  const taskIds = Object.keys(taskGraph.tasks);
  const projects = new Set(taskIds.map((id) => taskGraph.tasks[id]!.target.project));
  // Printed once for the whole batch; each Nx task's own output only points at it.
  let output: string;
  let success = true;
  try {
    console.log(await printPlan(projects, { ...(inputs[taskIds[0]!] ?? {}), ...overrides }, context));
    output = `planned together with ${[...projects].sort().join(', ')} (the plan is printed above)`;
  } catch (error) {
    console.error(`codewaves: ${formatError(error)}`);
    output = 'codewaves could not plan these tasks (the error is printed above)';
    success = false;
  }
  for (const task of taskIds) yield { task, result: { success, terminalOutput: output, startTime, endTime: Date.now() } };
}
