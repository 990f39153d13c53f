import { editFileTool, finishTool, listFiles, readFileTool, writeFileTool } from './file-tools';
import type { AgentTool } from './tool';

export * from './tool';
export { editFileTool, finishTool, listFiles, readFileTool, writeFileTool };

/** The tools every agent gets, in the order the model sees them. */
export const DEFAULT_TOOLS: readonly AgentTool[] = [listFiles, readFileTool, writeFileTool, editFileTool, finishTool];
