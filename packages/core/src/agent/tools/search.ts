import { execGit } from '../../git';
import { resolveInside } from '../../sandbox';
import { relative } from 'node:path';
import { stringArg, ToolArgumentError, type AgentTool } from './tool';

const MAX_MATCHES = 200;

/** Text or regex search over the worktree's files, respecting .gitignore (git grep, untracked files included). */
export const searchTool: AgentTool = {
  spec: {
    name: 'search',
    description: 'Search the workspace\'s files for text (or a regular expression with regex: true). Returns path:line: text, at most 200 matches. Ignored files (node_modules, build output) are not searched.',
    parameters: {
      type: 'object',
      properties: {
        query: { type: 'string' },
        regex: { type: 'boolean', description: 'Treat query as an extended regular expression.' },
        path: { type: 'string', description: 'Folder to search in, relative to the workspace root.' },
        ignoreCase: { type: 'boolean' },
      },
      required: ['query'],
      additionalProperties: false,
    },
  },
  async run(args, { roots }) {
    const query = stringArg(args, 'query')!;
    if (query === '') throw new ToolArgumentError('query must not be empty');
    const folder = resolveInside(roots, stringArg(args, 'path', { optional: true }) || '.', 'read');
    const flags = ['-n', '-I', '--untracked', '--no-color', args.regex === true ? '-E' : '-F', ...(args.ignoreCase === true ? ['-i'] : [])];
    const result = await execGit(roots.worktree, ['grep', ...flags, '-e', query, '--', relative(roots.worktree, folder) || '.']);
    if (result.exitCode === 1) return { output: 'no matches' };
    if (result.exitCode !== 0) return { output: `search failed: ${result.stderr.trim()}`, isError: true };
    const lines = result.stdout.split('\n').filter(Boolean);
    const more = lines.length > MAX_MATCHES ? `\n(${lines.length - MAX_MATCHES} more matches: narrow the query or the path)` : '';
    return { output: lines.slice(0, MAX_MATCHES).map((line) => (line.length > 300 ? `${line.slice(0, 300)}...` : line)).join('\n') + more };
  },
};
