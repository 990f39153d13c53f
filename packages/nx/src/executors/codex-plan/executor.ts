import type { ExecutorContext } from '@nx/devkit';
import { printPlan } from './lib/print-plan';
import type { CodexPlanExecutorOptions } from './schema';

export default async function codexPlanExecutor(options: CodexPlanExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const { code } = await printPlan(new Set([context.projectName!]), options, context);
  return { success: code === 0 };
}
