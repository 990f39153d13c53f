import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { consoleReporter, formatError, jsonlReporter, runSprint, type RunSummary } from '@codewaves/core';
import { projectsFromContext } from '../../utils/workspace-projects';
import { toRunOptions } from './lib/to-run-options';
import type { CodexExecutorOptions } from './schema';

interface BatchResult {
  task: string;
  result: { success: boolean; terminalOutput: string; startTime: number; endTime: number };
}

/**
 * Batch mode: every selected project's tasks are planned together, so tasks of different projects
 * that write the same file land in different waves. Nx needs a result for every task id in the
 * graph (or it respawns the batch), so each one is reported, including projects with nothing to do.
 */
export default async function* codexBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, CodexExecutorOptions>,
  overrides: CodexExecutorOptions,
  context: ExecutorContext,
): AsyncGenerator<BatchResult> {
  const startTime = Date.now();
  const taskIds = Object.keys(taskGraph.tasks);
  const projects = new Set(taskIds.map((id) => taskGraph.tasks[id]!.target.project));
  const options = { ...(inputs[taskIds[0]!] ?? {}), ...overrides };

  let summary: RunSummary;
  try {
    summary = await runSprint({
      cwd: context.root,
      projects: projectsFromContext(context),
      onlyProjects: projects,
      ...toRunOptions(options),
      reporter: options.outputStyle === 'jsonl' ? jsonlReporter() : consoleReporter(),
    });
  } catch (error) {
    console.error(`codewaves: ${formatError(error)}`);
    const pointer = 'codewaves could not run these tasks (the error is printed above)';
    for (const task of taskIds) yield { task, result: { success: false, terminalOutput: pointer, startTime, endTime: Date.now() } };
    return;
  }

  // The plan, live statuses and the full summary were printed as the run went; each Nx task's own
  // output is just its project's part, so --output-style=stream does not repeat the whole run.
  const where = `integration branch ${summary.integrationBranch} (run ${summary.runId})`;
  for (const task of taskIds) {
    const project = taskGraph.tasks[task]!.target.project;
    const own = summary.tasks.filter((result) => result.project === project);
    const lines = own.map((result) => `${result.status.padEnd(10)} ${result.id} (wave ${result.wave})${result.status === 'merged' ? '' : `: ${result.summary}`}`);
    yield {
      task,
      result: {
        success: own.every((result) => result.status === 'merged'),
        terminalOutput: `${lines.join('\n') || 'no tasks in this project'}\n${where}`,
        startTime,
        endTime: Date.now(),
      },
    };
  }
}
