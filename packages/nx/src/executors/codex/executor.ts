import type { ExecutorContext } from '@nx/devkit';
import { consoleReporter, formatError, jsonlReporter, runSprint, runSucceeded } from '@codewaves/core';
import { projectsFromContext } from '../../utils/workspace-projects';
import { toRunOptions } from './lib/to-run-options';
import type { CodexExecutorOptions } from './schema';

/** One project's tasks, in their own run. Batch mode (batch.ts) is the default and plans across projects. */
export default async function codexExecutor(options: CodexExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  try {
    const summary = await runSprint({
      cwd: context.root,
      projects: projectsFromContext(context),
      onlyProjects: new Set([context.projectName!]),
      ...toRunOptions(options),
      reporter: options.outputStyle === 'jsonl' ? jsonlReporter() : consoleReporter(),
    });
    return { success: runSucceeded(summary) };
  } catch (error) {
    console.error(`codewaves: ${formatError(error)}`);
    return { success: false };
  }
}
