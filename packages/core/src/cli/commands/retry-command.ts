import type { Command } from 'commander';
import { findRepositoryRoot } from '../../git';
import type * as RunModule from '../../run';
import { findThread, readRun, summariseThreads } from '../../threads';
import { EXIT } from '../exit-codes';
import type { CliIO } from '../cli-io';

export function registerRetryCommand(program: Command, io: CliIO): void {
  program
    .command('retry <thread>')
    .description('Run a failed, conflicted or cancelled task again: with its conversation (told how the last attempt ended), or --fresh from the integration head. The result is merged into the run\'s integration branch.')
    .option('--fresh', 'start over: a new conversation on the current integration head (the old branch is kept as an attempt)')
    .option('--run <id>', 'a run id (default: the latest run)')
    .option('--json', 'print the outcome ({status, summary, files}) as JSON instead of status lines')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (thread: string, options: { fresh?: boolean; json?: boolean; run?: string; cwd?: string }) => {
      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const { state, dir } = readRun(root, options.run);
      findThread(state, thread);
      const last = summariseThreads(state, dir).find((entry) => entry.id === thread)!;
      const { replyToThread } = require('../../run') as typeof RunModule;
      const result = await replyToThread({
        cwd: root,
        thread,
        runId: state.runId,
        fresh: options.fresh,
        message: `Try again. Your previous attempt ended as ${last.status}: ${last.reason}. Finish the task, then call finish.`,
        env: io.env,
        onStatus: (status, reason) => {
          if (!options.json) io.stdout(`${thread}: ${status} (${reason})`);
        },
      });
      if (options.json) io.stdout(JSON.stringify({ thread, ...result }, null, 2));
      io.exitCode = result.status === 'merged' ? EXIT.ok : EXIT.tasksFailed;
    });
}
