import type { Command } from 'commander';
import { applyThreads } from '../../apply';
import { CodewavesError } from '../../errors';
import { findRepositoryRoot } from '../../git';
import { findThread, readRun, summariseThreads } from '../../threads';
import { EXIT } from '../exit-codes';
import type { CliIO } from '../cli-io';

export function registerApplyCommand(program: Command, io: CliIO): void {
  program
    .command('apply [threads...]')
    .description(
      'Apply threads\' changes to your current branch as commits (tasks that only add files first). Refuses on a dirty working tree; checks every thread first and applies nothing if one conflicts.',
    )
    .option('--all', 'every merged thread of the run')
    .option('--json', 'print the applied threads as JSON')
    .option('--run <id>', 'a run id (default: the latest run)')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (threads: string[], options: { all?: boolean; json?: boolean; run?: string; cwd?: string }) => {
      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const { state, dir } = readRun(root, options.run);
      const ids = options.all ? summariseThreads(state, dir).filter((thread) => thread.status === 'merged').map((thread) => thread.id) : threads;
      if (ids.length === 0) {
        throw new CodewavesError('USAGE', options.all ? `run ${state.runId} has no merged thread to apply` : 'name the threads to apply, or pass --all', {
          hint: 'see them with `codewaves threads`',
        });
      }
      for (const id of ids) findThread(state, id);
      const applied = await applyThreads(root, state, dir, ids, io.env);
      if (options.json) {
        io.stdout(JSON.stringify({ applied, unchanged: ids.filter((id) => !applied.some((thread) => thread.id === id)) }, null, 2));
        io.exitCode = EXIT.ok;
        return;
      }
      for (const thread of applied) io.stdout(`applied ${thread.id}: ${thread.commits} commit${thread.commits === 1 ? '' : 's'}, ${thread.files.join(', ')}`);
      const skipped = ids.filter((id) => !applied.some((thread) => thread.id === id));
      if (skipped.length > 0) io.stdout(`no changes to apply: ${skipped.join(', ')}`);
      io.exitCode = EXIT.ok;
    });
}
