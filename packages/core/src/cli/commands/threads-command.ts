import type { Command } from 'commander';
import { findRepositoryRoot } from '../../git';
import { renderThreadList } from '../../report/render-threads';
import { loadPrices } from '../../pricing';
import { readRun, summariseThreads } from '../../threads';
import { EXIT } from '../exit-codes';
import type { CliIO } from '../cli-io';

export function registerThreadsCommand(program: Command, io: CliIO): void {
  program
    .command('threads')
    .description('List the threads of the latest run (or --run): status, task, project, wave, elapsed time, tokens, files changed. Safe while a run goes on.')
    .option('--run <id>', 'a run id (see .codewaves/runs/)')
    .option('--json', 'print the threads as JSON')
    .option('--prices <file>', 'a JSON price file over the built-in prices (default: CODEWAVES_PRICES)')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (options: { run?: string; json?: boolean; prices?: string; cwd?: string }) => {
      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const { state, dir } = readRun(root, options.run);
      const threads = summariseThreads(state, dir, new Date(), loadPrices({ file: options.prices, cwd: io.cwd, env: io.env }));
      if (options.json) io.stdout(JSON.stringify({ runId: state.runId, integrationBranch: state.integrationBranch, base: state.base, threads }, null, 2));
      else {
        io.stdout(`Run ${state.runId} on ${state.integrationBranch} (from ${state.base.slice(0, 10)})`);
        io.stdout(renderThreadList(threads));
        io.stdout('\nMore: codewaves show <thread>, codewaves diff <thread>');
      }
      io.exitCode = EXIT.ok;
    });
}
