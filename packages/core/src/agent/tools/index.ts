import { applyPatchTool } from './apply-patch';
import { askUserTool, editFileTool, finishTool, listFiles, readFileTool, writeFileTool } from './file-tools';
import { runCommandTool } from './run-command';
import { searchTool } from './search';
import type { AgentTool } from './tool';

export * from './tool';
export { applyPatchTool, askUserTool, editFileTool, finishTool, listFiles, readFileTool, runCommandTool, searchTool, writeFileTool };
export * from './command-env';
export { commandVerdict, commandPolicy, DEFAULT_COMMAND_POLICY, DEFAULT_DENY, type CommandPolicy, type CommandPolicySettings } from './command-policy/command-policy';
export { runShellCommand, type CommandOutcome } from './run-command';

/** The tools every agent gets, in the order the model sees them. */
export const DEFAULT_TOOLS: readonly AgentTool[] = [listFiles, readFileTool, searchTool, writeFileTool, editFileTool, applyPatchTool, runCommandTool, askUserTool, finishTool];
