import { runShellCommand } from '../agent/tools';
import { git } from '../git';
import type { Worktree } from '../sandbox';

/** Ports per task: enough for an app, its API and a debugger. */
export const PORTS_PER_TASK = 10;
const DEFAULT_FIRST_PORT = 42000;
const SETUP_TIMEOUT_MS = 10 * 60_000;

/**
 * A distinct block of ports per task, so agents that start dev servers in parallel do not fight
 * over one port: PORT is the block's first, CODEWAVES_PORT_BASE/COUNT describe the block. The slot
 * is the task's place in the sprint, so a follow-up gets the same ports. CODEWAVES_FIRST_PORT moves
 * the whole range.
 */
export function taskPorts(slot: number, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const first = Number(env.CODEWAVES_FIRST_PORT) || DEFAULT_FIRST_PORT;
  const base = first + slot * PORTS_PER_TASK;
  return { PORT: String(base), CODEWAVES_PORT_BASE: String(base), CODEWAVES_PORT_COUNT: String(PORTS_PER_TASK) };
}

export interface SetupOutcome {
  ok: boolean;
  exitCode: number | null;
  /** The end of its output, for a failure's reason. */
  output: string;
}

/**
 * Runs the workspace's setup command (copy .env.example, build a library the tasks import...) in a
 * new worktree, before its agent starts, with the task's ports and CODEWAVES_TASK_ID set. It is the
 * user's own command, so it gets the user's environment. node_modules is already linked from the
 * workspace (one install serves every worktree), so setup should not install. Files it leaves that
 * git would see are recorded on the worktree and kept out of the task's commits.
 */
export async function setupWorktree(worktree: Worktree, command: string, env: NodeJS.ProcessEnv): Promise<SetupOutcome> {
  const outcome = await runShellCommand(command, { cwd: worktree.path, timeoutMs: SETUP_TIMEOUT_MS, env: { ...env, CODEWAVES_TASK_ID: worktree.taskId } });
  const output = `${outcome.stdout}${outcome.stderr ? `\n${outcome.stderr}` : ''}`.trim().slice(-2000);
  if (outcome.exitCode !== 0 || outcome.timedOut) return { ok: false, exitCode: outcome.exitCode, output };
  const status = await git(worktree.path, ['status', '--porcelain', '-z', '--untracked-files=all']);
  worktree.setupFiles = status
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3))
    .filter((path) => path !== 'node_modules');
  return { ok: true, exitCode: 0, output };
}

/**
 * A new worktree made ready for its task's agent: the setup command run (when there is one) and
 * the environment the agent's commands get (its ports). Undefined env and a reason on failure.
 */
export async function prepareWorktree(
  context: { sprint: { tasks: ReadonlyArray<{ id: string }> }; setupCommand?: string; env: NodeJS.ProcessEnv },
  worktree: Worktree,
): Promise<{ env: Record<string, string> } | { failure: string }> {
  const env = taskPorts(Math.max(0, context.sprint.tasks.findIndex((task) => task.id === worktree.taskId)), context.env);
  if (!context.setupCommand) return { env };
  const setup = await setupWorktree(worktree, context.setupCommand, { ...context.env, ...env });
  if (setup.ok) return { env };
  return { failure: `the setup command \`${context.setupCommand}\` failed (exit ${setup.exitCode ?? 'timeout'}) before the agent started: ${setup.output.split('\n').slice(-5).join(' | ')}` };
}
