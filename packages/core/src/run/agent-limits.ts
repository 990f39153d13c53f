import type { AgentLimits } from '../agent/agent-limits';
import { commandPolicy } from '../agent/tools';
import type { CommandSettings, Task } from '../tasks';

export interface AgentLimitOptions {
  /** run_command's policy for every task of the run; a task's front matter adds its own. */
  commandPolicy?: CommandSettings;
  /** Wall clock per task's agent, unless its front matter sets `timeout`. */
  taskTimeoutMs?: number;
}

/** One task's limits: the run's options, then its front matter. */
export function resolveAgentLimits(task: Task, options: AgentLimitOptions): AgentLimits {
  return {
    commandPolicy: commandPolicy([
      { source: 'the run options', ...options.commandPolicy },
      { source: `the front matter of ${task.file}`, ...task.commands },
    ]),
    ...((task.timeoutMs ?? options.taskTimeoutMs) !== undefined ? { timeoutMs: task.timeoutMs ?? options.taskTimeoutMs } : {}),
  };
}

export function resolveLimits(tasks: readonly Task[], options: AgentLimitOptions): Map<string, AgentLimits> {
  return new Map(tasks.map((task) => [task.id, resolveAgentLimits(task, options)]));
}
