import type { Command } from 'commander';
import type * as RunModule from '../../run';
import { EXIT } from '../exit-codes';
import { positiveInt, type CliIO } from '../cli-io';

export function registerReplyCommand(program: Command, io: CliIO): void {
  program
    .command('reply <thread> <message...>')
    .description(
      'Continue a thread: answer a question it asked, or give a follow-up to a finished task. The agent gets the whole conversation, works in the same worktree and branch, and the result is merged into the run\'s integration branch again.',
    )
    .option('--run <id>', 'a run id (default: the latest run)')
    .option('--json', 'print the outcome ({status, summary, files}) as JSON instead of status lines')
    .option('--max-turns <n>', 'model turns before it is stopped', positiveInt, 50)
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (thread: string, words: string[], options: { run?: string; json?: boolean; maxTurns: number; cwd?: string }) => {
      // Loaded on use: the agent runtime is not needed by the other review commands.
      const { replyToThread } = require('../../run') as typeof RunModule;
      const result = await replyToThread({
        cwd: options.cwd ?? io.cwd,
        thread,
        message: words.join(' '),
        runId: options.run,
        env: io.env,
        maxTurns: options.maxTurns,
        onStatus: (status, reason) => {
          if (!options.json) io.stdout(`${thread}: ${status} (${reason})`);
        },
      });
      if (!options.json && result.status === 'waiting-for-input') io.stdout(`${thread} asks: ${result.summary}\nanswer with: codewaves reply ${thread} "..."`);
      if (options.json) io.stdout(JSON.stringify({ thread, ...result }, null, 2));
      io.exitCode = result.status === 'merged' ? EXIT.ok : EXIT.tasksFailed;
    });
}
