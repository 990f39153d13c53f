import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { resolveInside } from '../../sandbox';
import { stringArg, ToolArgumentError, type AgentTool } from './tool';

const MAX_READ_BYTES = 256 * 1024;
const MAX_LIST_ENTRIES = 2000;
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', 'dist', '.nx', '.codewaves']);

export const listFiles: AgentTool = {
  spec: {
    name: 'list_files',
    description: 'List files under a folder of the workspace (recursively; skips .git, node_modules and dist).',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string', description: 'Folder relative to the workspace root; default is the root.' } },
      additionalProperties: false,
    },
  },
  async run(args, { roots }) {
    const folder = resolveInside(roots, stringArg(args, 'path', { optional: true }) || '.', 'read');
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        if (found.length >= MAX_LIST_ENTRIES) return;
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) await walk(`${dir}/${entry.name}`);
        } else found.push(relative(roots.worktree, `${dir}/${entry.name}`));
      }
    };
    await walk(folder);
    const more = found.length >= MAX_LIST_ENTRIES ? `\n(listing stopped at ${MAX_LIST_ENTRIES} files: list a sub-folder)` : '';
    return { output: found.join('\n') + more || '(no files)' };
  },
};

export const readFileTool: AgentTool = {
  spec: {
    name: 'read_file',
    description: 'Read a text file of the workspace. Optional 1-based startLine/endLine read a range.',
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string' },
        startLine: { type: 'integer', minimum: 1 },
        endLine: { type: 'integer', minimum: 1 },
      },
      required: ['path'],
      additionalProperties: false,
    },
  },
  async run(args, { roots }) {
    const path = resolveInside(roots, stringArg(args, 'path')!, 'read');
    const buffer = await readFile(path);
    if (buffer.includes(0)) return { output: `${args.path} is a binary file (${buffer.length} bytes)`, isError: true };
    let text = buffer.subarray(0, MAX_READ_BYTES).toString('utf8');
    const start = typeof args.startLine === 'number' ? args.startLine : undefined;
    const end = typeof args.endLine === 'number' ? args.endLine : undefined;
    if (start !== undefined || end !== undefined) text = text.split('\n').slice((start ?? 1) - 1, end).join('\n');
    const cut = buffer.length > MAX_READ_BYTES ? `\n(file truncated at ${MAX_READ_BYTES} bytes of ${buffer.length}: read a line range)` : '';
    return { output: text + cut };
  },
};

export const writeFileTool: AgentTool = {
  spec: {
    name: 'write_file',
    description: 'Create or overwrite a whole file of the workspace (folders are created).',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, content: { type: 'string' } },
      required: ['path', 'content'],
      additionalProperties: false,
    },
  },
  async run(args, { roots }) {
    const relativePath = stringArg(args, 'path')!;
    const content = stringArg(args, 'content')!;
    const path = resolveInside(roots, relativePath, 'write');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return { output: `wrote ${relativePath} (${Buffer.byteLength(content)} bytes)`, wrote: [relative(roots.worktree, path)] };
  },
};

export const editFileTool: AgentTool = {
  spec: {
    name: 'edit_file',
    description: 'Replace exactly one occurrence of old_string with new_string in a file. Fails if old_string occurs zero or several times: include more surrounding lines to make it unique.',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, old_string: { type: 'string' }, new_string: { type: 'string' } },
      required: ['path', 'old_string', 'new_string'],
      additionalProperties: false,
    },
  },
  async run(args, { roots }) {
    const relativePath = stringArg(args, 'path')!;
    const oldString = stringArg(args, 'old_string')!;
    const newString = stringArg(args, 'new_string')!;
    if (oldString === '') throw new ToolArgumentError('old_string must not be empty: use write_file to create a file');
    const path = resolveInside(roots, relativePath, 'write');
    const text = await readFile(path, 'utf8');
    const first = text.indexOf(oldString);
    if (first < 0) return { output: `old_string was not found in ${relativePath}: read the file again and copy the exact text`, isError: true };
    if (text.indexOf(oldString, first + 1) >= 0) {
      return { output: `old_string occurs more than once in ${relativePath}: include more surrounding lines so it is unique`, isError: true };
    }
    await writeFile(path, text.slice(0, first) + newString + text.slice(first + oldString.length));
    return { output: `edited ${relativePath}`, wrote: [relative(roots.worktree, path)] };
  },
};

export const finishTool: AgentTool = {
  spec: {
    name: 'finish',
    description: 'Call when the task is done, with a short summary of what changed and why.',
    parameters: {
      type: 'object',
      properties: { summary: { type: 'string' } },
      required: ['summary'],
      additionalProperties: false,
    },
  },
  async run(args) {
    const summary = stringArg(args, 'summary')!;
    return { output: 'finished', finished: { summary } };
  },
};

export const askUserTool: AgentTool = {
  spec: {
    name: 'ask_user',
    description: 'Ask the user a question when the task cannot be done well without an answer. The task pauses until the user replies; their answer arrives as the next message.',
    parameters: {
      type: 'object',
      properties: { question: { type: 'string' } },
      required: ['question'],
      additionalProperties: false,
    },
  },
  async run(args) {
    const question = stringArg(args, 'question')!;
    return { output: 'The question was sent to the user; their answer will be the next message.', question };
  },
};
