import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ThreadEvent, ThreadEventBody } from './thread';

export const STATE_FOLDER = '.codewaves';

/**
 * Threads on disk: `.codewaves/runs/<run>/threads/<task>.jsonl`, one JSON event per line. Each event
 * is one append of one line, so a crash loses at most the line being written and readers (another
 * process watching) always see whole lines before it. Run state is replaced atomically by rename.
 */
export class ThreadStore {
  readonly runDir: string;

  constructor(
    readonly root: string,
    readonly runId: string,
  ) {
    this.runDir = join(root, STATE_FOLDER, 'runs', runId);
    mkdirSync(join(this.runDir, 'threads'), { recursive: true });
  }

  threadFile(taskId: string): string {
    return join(this.runDir, 'threads', `${taskId}.jsonl`);
  }

  append(taskId: string, event: ThreadEventBody, at: Date = new Date()): void {
    const line = JSON.stringify({ at: at.toISOString(), ...event });
    appendFileSync(this.threadFile(taskId), `${line}\n`);
  }

  read(taskId: string): ThreadEvent[] {
    return readThread(this.threadFile(taskId));
  }

  writeState(state: unknown): void {
    const file = join(this.runDir, 'run.json');
    writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
    writeFileSync(join(this.root, STATE_FOLDER, 'latest-run'), `${this.runId}\n`);
  }
}

/** Reads a thread log, skipping a torn last line (a crash mid-append) rather than failing. */
export function readThread(file: string): ThreadEvent[] {
  if (!existsSync(file)) return [];
  const events: ThreadEvent[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line) as ThreadEvent);
    } catch {
      // only the last line can be torn; anything after it is not ours to guess
      break;
    }
  }
  return events;
}
