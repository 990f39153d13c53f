import { join } from 'node:path';
import type { Command } from 'commander';
import { findRepositoryRoot, git } from '../../git';
import { findThread, readRun, readThread, type ThreadEvent } from '../../threads';
import { EXIT } from '../exit-codes';
import type { CliIO } from '../cli-io';

export function registerDiffCommand(program: Command, io: CliIO): void {
  program
    .command('diff <thread>')
    .description('The task\'s change against the code it started from: a file summary, then the patch.')
    .option('--run <id>', 'a run id (default: the latest run)')
    .option('--stat', 'only the file summary')
    .option('--json', 'print {thread, from, to, files, patch} as JSON')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (thread: string, options: { run?: string; stat?: boolean; json?: boolean; cwd?: string }) => {
      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const { state, dir } = readRun(root, options.run);
      findThread(state, thread);
      const commits = readThread(join(dir, 'threads', `${thread}.jsonl`)).filter((event): event is Extract<ThreadEvent, { type: 'commit' }> => event.type === 'commit');
      if (commits.length === 0) {
        io.stdout(options.json ? JSON.stringify({ thread, files: [], patch: '' }) : `${thread} has no changes (yet): see codewaves show ${thread}`);
        io.exitCode = EXIT.ok;
        return;
      }
      const first = commits[0]!;
      const last = commits.at(-1)!;
      // The task's first commit sits on the integration head its wave started from.
      const range = [`${first.commit}^`, last.commit];
      if (options.json) {
        const files = (await git(root, ['diff', '--name-only', ...range])).split('\n').filter(Boolean);
        io.stdout(JSON.stringify({ thread, from: range[0], to: range[1], files, patch: options.stat ? undefined : await git(root, ['diff', ...range]) }, null, 2));
        io.exitCode = EXIT.ok;
        return;
      }
      io.stdout((await git(root, ['diff', '--stat', ...range])).trimEnd());
      if (!options.stat) io.stdout(`\n${(await git(root, ['diff', ...range])).trimEnd()}`);
      io.exitCode = EXIT.ok;
    });
}
