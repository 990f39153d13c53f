import type { Command } from 'commander';
import { findRepositoryRoot } from '../../git';
import { cleanRun, type CleanResult } from '../../sandbox';
import { findThread, readRun } from '../../threads';
import { EXIT } from '../exit-codes';
import type { CliIO } from '../cli-io';

export function registerCleanCommands(program: Command, io: CliIO): void {
  program
    .command('clean')
    .description('Remove the latest run\'s (or --run\'s) worktrees and the task branches already merged into its integration branch. Branches with unmerged work are kept unless --force; the integration branch goes only with --force.')
    .option('--run <id>', 'a run id (default: the latest run)')
    .option('--force', 'also delete unmerged task branches and the integration branch')
    .option('--json', 'print what was removed and kept as JSON')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (options: { run?: string; force?: boolean; json?: boolean; cwd?: string }) => {
      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const { state } = readRun(root, options.run);
      report(io, await cleanRun(root, state.runId, { force: options.force, env: io.env }), options.json);
      io.exitCode = EXIT.ok;
    });

  program
    .command('discard <thread>')
    .description('Remove one thread\'s worktree and branch. A branch with work not merged into the run\'s integration branch is kept unless --force.')
    .option('--run <id>', 'a run id (default: the latest run)')
    .option('--force', 'delete the branch even if its work is merged nowhere')
    .option('--json', 'print what was removed and kept as JSON')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (thread: string, options: { run?: string; force?: boolean; json?: boolean; cwd?: string }) => {
      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const { state } = readRun(root, options.run);
      findThread(state, thread);
      report(io, await cleanRun(root, state.runId, { force: options.force, only: thread, env: io.env }), options.json);
      io.exitCode = EXIT.ok;
    });
}

function report(io: CliIO, result: CleanResult, json?: boolean): void {
  if (json) {
    io.stdout(JSON.stringify(result, null, 2));
    return;
  }
  io.stdout(`removed ${result.removedWorktrees.length} worktree(s); deleted ${result.deletedBranches.length} branch(es)`);
  for (const branch of result.deletedBranches) io.stdout(`  deleted ${branch}`);
  if (result.keptBranches.length > 0) {
    io.stdout(`kept ${result.keptBranches.length} branch(es) with work that is not merged (--force deletes them):`);
    for (const branch of result.keptBranches) io.stdout(`  ${branch}`);
  }
}
