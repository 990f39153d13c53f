import type { CommandPolicy } from './tools/command-policy/command-policy';

/** What bounds one agent beyond its tools' own limits. Serialisable: it travels to agent workers. */
export interface AgentLimits {
  /** What run_command may run (default: DEFAULT_COMMAND_POLICY). */
  commandPolicy?: CommandPolicy;
  /** Wall clock for the whole agent run (task front matter `timeout`, else the run's --task-timeout). */
  timeoutMs?: number;
}
