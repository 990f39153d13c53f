import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Command } from 'commander';
import { findRepositoryRoot } from '../../git';
import { renderConversation, renderThreadList } from '../../report/render-threads';
import { findThread, readRun, readThread, summariseThreads, type ThreadStatus } from '../../threads';
import { EXIT } from '../exit-codes';
import { positiveInt, type CliIO } from '../cli-io';

const FINAL: ReadonlySet<ThreadStatus> = new Set(['merged', 'failed', 'conflicted', 'cancelled']);

export function registerWatchCommand(program: Command, io: CliIO): void {
  program
    .command('watch')
    .description(
      'Follow a run while it goes on, without disturbing it: a table that updates in a terminal, one line per status change otherwise. --thread follows one conversation. Ends when every thread has finished.',
    )
    .option('--run <id>', 'a run id (default: the latest run)')
    .option('--thread <id>', 'follow this thread\'s conversation as it is written')
    .option('--interval <ms>', 'how often to look, in milliseconds', positiveInt, 1000)
    .option('--once', 'print the current state and stop')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (options: { run?: string; thread?: string; interval: number; once?: boolean; cwd?: string }) => {
      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const seen = new Map<string, string>();
      let printedEvents = 0;
      for (;;) {
        // Readers only read: the logs are append-only and the state file is replaced atomically.
        const { state, dir } = readRun(root, options.run);
        const threads = summariseThreads(state, dir);
        if (options.thread) {
          findThread(state, options.thread);
          const events = readThread(join(dir, 'threads', `${options.thread}.jsonl`));
          const fresh = events.slice(printedEvents);
          if (fresh.length > 0) io.stdout(renderConversation(fresh));
          printedEvents = events.length;
        } else if (io.interactive) {
          io.stdout(`\x1b[2J\x1b[H${`Run ${state.runId} on ${state.integrationBranch}`}\n${renderThreadList(threads)}`);
        } else {
          for (const thread of threads) {
            const key = `${thread.status}\0${thread.reason}`;
            if (seen.get(thread.id) !== key) io.stdout(`${thread.updatedAt ?? ''} ${thread.id}: ${thread.status}${thread.reason ? ` (${thread.reason})` : ''}`.trim());
            seen.set(thread.id, key);
          }
        }
        const watched = options.thread ? threads.filter((thread) => thread.id === options.thread) : threads;
        if (options.once || watched.every((thread) => FINAL.has(thread.status))) break;
        await sleep(options.interval);
      }
      io.exitCode = EXIT.ok;
    });
}
