import { join } from 'node:path';
import type { Command } from 'commander';
import { findRepositoryRoot } from '../../git';
import { renderConversation } from '../../report/render-threads';
import { costOf, loadPrices } from '../../pricing';
import { renderUsageLine } from '../../report/render-summary';
import { findThread, readRun, readThread, threadUsage } from '../../threads';
import { EXIT } from '../exit-codes';
import type { CliIO } from '../cli-io';

export function registerShowCommand(program: Command, io: CliIO): void {
  program
    .command('show <thread>')
    .description('Show a thread\'s conversation: messages, reasoning summaries, tool calls and results (folded), status changes.')
    .option('--run <id>', 'a run id (default: the latest run)')
    .option('--full', 'do not fold tool calls and results; include the system instructions')
    .option('--json', 'print the thread\'s events as JSON lines, as stored (each model turn with its usage and model)')
    .option('--prices <file>', 'a JSON price file over the built-in prices (default: CODEWAVES_PRICES)')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (thread: string, options: { run?: string; full?: boolean; json?: boolean; prices?: string; cwd?: string }) => {
      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const { state, dir } = readRun(root, options.run);
      findThread(state, thread);
      const events = readThread(join(dir, 'threads', `${thread}.jsonl`));
      if (options.json) for (const event of events) io.stdout(JSON.stringify(event));
      else {
        io.stdout(renderConversation(events, { full: options.full }));
        const { model, ...tokens } = threadUsage(events);
        const costUsd = costOf(tokens, model, loadPrices({ file: options.prices, cwd: io.cwd, env: io.env })) ?? null;
        if (tokens.input + tokens.output > 0) {
          io.stdout(`${renderUsageLine({ cachedInput: 0, ...tokens, costUsd, unpriced: costUsd === null ? [thread] : [] })}${model ? ` [model ${model}]` : ''}`);
        }
      }
      io.exitCode = EXIT.ok;
    });
}
