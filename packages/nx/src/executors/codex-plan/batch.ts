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
  let output: string;
  let success = true;
  try {
    output = await printPlan(projects, { ...(inputs[taskIds[0]!] ?? {}), ...overrides }, context);
    console.log(output);
  } catch (error) {
    output = `codewaves: ${formatError(error)}`;
    console.error(output);
    success = false;
  }
  for (const task of taskIds) yield { task, result: { success, terminalOutput: output, startTime, endTime: Date.now() } };
}
