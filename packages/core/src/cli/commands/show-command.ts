import { join } from 'node:path';
import type { Command } from 'commander';
import { findRepositoryRoot } from '../../git';
import { renderConversation } from '../../report/render-threads';
import { findThread, readRun, readThread } from '../../threads';
import { EXIT } from '../exit-codes';
import type { CliIO } from '../cli-io';

export function registerShowCommand(program: Command, io: CliIO): void {
  program
    .command('show <thread>')
    .description('Show a thread\'s conversation: messages, reasoning summaries, tool calls and results (folded), status changes.')
    .option('--run <id>', 'a run id (default: the latest run)')
    .option('--full', 'do not fold tool calls and results; include the system instructions')
    .option('--json', 'print the thread\'s events as JSON lines, as stored')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (thread: string, options: { run?: string; full?: boolean; json?: boolean; cwd?: string }) => {
      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const { state, dir } = readRun(root, options.run);
      findThread(state, thread);
      const events = readThread(join(dir, 'threads', `${thread}.jsonl`));
      if (options.json) for (const event of events) io.stdout(JSON.stringify(event));
      else io.stdout(renderConversation(events, { full: options.full }));
      io.exitCode = EXIT.ok;
    });
}
