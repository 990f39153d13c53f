import type { SandboxRoots } from '../../sandbox';
import type { ToolSpec } from '../model';
import type { CommandPolicy } from './command-policy/command-policy';

export interface ToolContext {
  roots: SandboxRoots;
  signal?: AbortSignal;
  /** The environment commands start from (secrets are removed before they see it). */
  env?: NodeJS.ProcessEnv;
  /** What run_command may run; default DEFAULT_COMMAND_POLICY. */
  commandPolicy?: CommandPolicy;
}

/** What a tool returns to the model. `finished` ends the loop (the finish tool). */
export interface ToolResult {
  output: string;
  isError?: boolean;
  finished?: { summary: string };
  /** ask_user: the question; the run stops here until the user replies. */
  question?: string;
  /** Workspace-relative paths the tool wrote, for the thread's record. */
  wrote?: string[];
}

export interface AgentTool {
  spec: ToolSpec;
  run(args: Record<string, unknown>, context: ToolContext): Promise<ToolResult>;
}

/** A string argument, or an error the model can read and correct. */
export function stringArg(args: Record<string, unknown>, name: string, options: { optional?: boolean } = {}): string | undefined {
  const value = args[name];
  if (value === undefined || value === null) {
    if (options.optional) return undefined;
    throw new ToolArgumentError(`missing required argument \`${name}\``);
  }
  if (typeof value !== 'string') throw new ToolArgumentError(`argument \`${name}\` must be a string, got ${typeof value}`);
  return value;
}

export class ToolArgumentError extends Error {
  override name = 'ToolArgumentError';
}
