import type { ExecutorContext } from '@nx/devkit';
import { formatError } from '@codewaves/core';
import { printPlan } from './lib/print-plan';
import type { CodexPlanExecutorOptions } from './schema';

export default async function codexPlanExecutor(options: CodexPlanExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  try {
    console.log(await printPlan(new Set([context.projectName!]), options, context));
    return { success: true };
  } catch (error) {
    console.error(`codewaves: ${formatError(error)}`);
    return { success: false };
  }
}
