import type { Command } from 'commander';
import type * as ReportModule from '../../report';
import type * as RunModule from '../../run';
import { EXIT } from '../exit-codes';
import { positiveInt, withInterrupt, type CliIO } from '../cli-io';

export function registerResumeCommand(program: Command, io: CliIO): void {
  program
    .command('resume')
    .description(
      'Continue the latest run (or --run) after an interruption: finished tasks stay, committed ones are merged, interrupted ones keep what they wrote on an attempt branch and run again, and the remaining waves run as planned.',
    )
    .option('--run <id>', 'a run id (default: the latest run)')
    .option('-c, --concurrency <n>', 'agents at once', positiveInt, 4)
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (options: { run?: string; concurrency: number; cwd?: string }) => {
      const { resumeRun, runSucceeded } = require('../../run') as typeof RunModule;
      const { consoleReporter } = require('../../report') as typeof ReportModule;
      const { result: summary, interrupted } = await withInterrupt(io, (signal) =>
        resumeRun({ cwd: options.cwd ?? io.cwd, runId: options.run, concurrency: options.concurrency, env: io.env, reporter: consoleReporter(io.stdout), signal }),
      );
      io.exitCode = interrupted ? EXIT.interrupted : runSucceeded(summary) ? EXIT.ok : EXIT.tasksFailed;
    });
}
