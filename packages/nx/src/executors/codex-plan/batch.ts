import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { printPlan } from './lib/print-plan';
import type { CodexPlanExecutorOptions } from './schema';

/** One plan across every selected project, printed once; each Nx task's own output points at it. */
export default async function* codexPlanBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, CodexPlanExecutorOptions>,
  overrides: CodexPlanExecutorOptions,
  context: ExecutorContext,
): AsyncGenerator<{ task: string; result: { success: boolean; terminalOutput: string; startTime: number; endTime: number } }> {
  const startTime = Date.now();
  const taskIds = Object.keys(taskGraph.tasks);
  const projects = new Set(taskIds.map((id) => taskGraph.tasks[id]!.target.project));
  const { code } = await printPlan(projects, { ...(inputs[taskIds[0]!] ?? {}), ...overrides }, context);
  const output = code === 0 ? `planned together with ${[...projects].sort().join(', ')} (the plan is printed above)` : `codewaves plan exited ${code} (the reason is printed above)`;
  for (const task of taskIds) yield { task, result: { success: code === 0, terminalOutput: output, startTime, endTime: Date.now() } };
}
