import type { ExecutorContext } from '@nx/devkit';
import { planSprint, renderPlanText } from '@codewaves/core';
import { projectsFromContext } from '../../../utils/workspace-projects';
import type { CodexPlanExecutorOptions } from '../schema';

/** Plans the given projects' tasks together and returns the text to print. */
export async function printPlan(projects: ReadonlySet<string>, options: CodexPlanExecutorOptions, context: ExecutorContext): Promise<string> {
  const { plan } = await planSprint({ cwd: context.root, projects: projectsFromContext(context), onlyProjects: projects });
  return options.json ? JSON.stringify(plan, null, 2) : renderPlanText(plan);
}
