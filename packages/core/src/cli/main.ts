import { Command, CommanderError } from 'commander';
import { formatError, isCodewavesError } from '../errors';
import { registerFootprintCommand } from './commands/footprint-command';
import { registerPlanCommand } from './commands/plan-command';
import { registerRunCommand } from './commands/run-command';
import { registerSprintCommand } from './commands/sprint-command';
import { registerThreadsCommand } from './commands/threads-command';
import { registerShowCommand } from './commands/show-command';
import { registerDiffCommand } from './commands/diff-command';
import { registerApplyCommand } from './commands/apply-command';
import { registerCleanCommands } from './commands/clean-command';
import { registerReplyCommand } from './commands/reply-command';
import { registerRetryCommand } from './commands/retry-command';
import { registerWatchCommand } from './commands/watch-command';
import { registerResumeCommand } from './commands/resume-command';
import { EXIT, EXIT_CODES_HELP } from './exit-codes';
import type { CliIO } from './cli-io';

const { version } = require('../../package.json') as { version: string };

/** Runs the CLI with argv and returns the exit code. Errors become messages here and nowhere else. */
export async function main(argv: string[], io: Partial<CliIO> = {}): Promise<number> {
  const cli: CliIO = {
    cwd: io.cwd ?? process.cwd(),
    env: io.env ?? process.env,
    stdout: io.stdout ?? ((line) => process.stdout.write(`${line}\n`)),
    stderr: io.stderr ?? ((line) => process.stderr.write(`${line}\n`)),
    exitCode: EXIT.ok,
    interactive: io.interactive ?? (io.stdout === undefined && Boolean(process.stdout.isTTY)),
  };
  const program = new Command('codewaves')
    .version(version)
    .description('Run many coding agents in parallel on one repository, in waves that cannot conflict.')
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n\nEnvironment:\n  OPENAI_API_KEY, OPENAI_BASE_URL   the openai provider (any OpenAI-compatible server)\n  CODEWAVES_MODEL                   default model\n  CODEWAVES_AGENT_COMMAND           the command provider's agent CLI ("{prompt}" marks the prompt)\n  CODEWAVES_AGENT_ENV               secret-looking variables that CLI may see, comma-separated\n  CODEWAVES_WORKTREES               where worktrees are created (default: ~/.cache/codewaves/worktrees)`)
    .exitOverride()
    .configureOutput({ writeOut: (text) => cli.stdout(text.replace(/\n$/, '')), writeErr: (text) => cli.stderr(text.replace(/\n$/, '')) });
  registerPlanCommand(program, cli);
  registerRunCommand(program, cli);
  registerFootprintCommand(program, cli);
  registerSprintCommand(program, cli);
  registerThreadsCommand(program, cli);
  registerShowCommand(program, cli);
  registerDiffCommand(program, cli);
  registerApplyCommand(program, cli);
  registerReplyCommand(program, cli);
  registerRetryCommand(program, cli);
  registerWatchCommand(program, cli);
  registerResumeCommand(program, cli);
  registerCleanCommands(program, cli);
  for (const command of program.commands) command.exitOverride();

  try {
    await program.parseAsync(argv);
    return cli.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    cli.stderr(`codewaves: ${formatError(error)}`);
    return isCodewavesError(error) ? EXIT.badInput : EXIT.internal;
  }
}
