import type { ThreadEvent, ThreadSummary } from '../threads';
import { formatUsd } from '../pricing';
import { formatCount, formatDuration } from './render-summary';

/** One line per thread: status, task, project, elapsed time, tokens, files changed. */
export function renderThreadList(threads: readonly ThreadSummary[]): string {
  const rows = threads.map((thread) => [
    thread.status,
    thread.id,
    thread.project ?? '-',
    `wave ${thread.wave}`,
    formatDuration(thread.elapsedMs),
    `${formatCount(thread.tokens.input + thread.tokens.output)} tokens${thread.costUsd === undefined ? '' : thread.costUsd === null ? ' (cost unknown)' : ` (${formatUsd(thread.costUsd)})`}`,
    `${thread.files.length} file${thread.files.length === 1 ? '' : 's'}`,
  ]);
  const widths = rows.reduce((max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)), [] as number[]);
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

const FOLD = 160;

/** The conversation for a person: messages and reasoning in full, tool calls and results folded to a line. */
export function renderConversation(events: readonly ThreadEvent[], options: { full?: boolean } = {}): string {
  const lines: string[] = [];
  const fold = (text: string) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return options.full || flat.length <= FOLD ? (options.full ? text : flat) : `${flat.slice(0, FOLD)}... (${text.length} chars)`;
  };
  for (const event of events) {
    const time = event.at.slice(11, 19);
    switch (event.type) {
      case 'message':
        if (event.role === 'system' && !options.full) lines.push(`${time} system: (instructions, ${event.content.length} chars; --full shows them)`);
        else lines.push(`${time} ${event.role}:`, indent(event.content));
        break;
      case 'assistant':
        if (event.reasoning) lines.push(`${time} reasoning: ${fold(event.reasoning)}`);
        if (event.content) lines.push(`${time} assistant:`, indent(event.content));
        for (const call of event.toolCalls) lines.push(`${time}   -> ${call.name} ${fold(call.arguments)}`);
        break;
      case 'tool-result':
        lines.push(`${time}   <- ${event.name}${event.isError ? ' (error)' : ''}: ${fold(event.output)}`);
        break;
      case 'status':
        lines.push(`${time} [${event.status}] ${event.reason}`);
        break;
      case 'commit':
        lines.push(`${time} [commit ${event.commit.slice(0, 10)} on ${event.branch}] ${event.files.join(', ')}`);
        break;
      case 'drift':
        if (event.unplanned.length > 0) lines.push(`${time} [scope] changed but not predicted: ${event.unplanned.join(', ')}`);
        break;
      case 'conflict':
        lines.push(`${time} [conflict] ${event.files.join(', ')}`);
        for (const { file, excerpt } of event.excerpts) lines.push(`    ${file}:`, indent(excerpt));
        break;
      case 'error':
        lines.push(`${time} error: ${event.message}`);
        break;
      case 'agent-process':
        lines.push(`${time} [${event.command[0]} ${event.timedOut ? 'timed out' : event.exitCode === null ? `killed by ${event.signal}` : `exited ${event.exitCode}`}] changed: ${event.changed.join(', ') || 'nothing'}`);
        if (options.full && event.stdout) lines.push(indent(event.stdout));
        if (options.full && event.stderr) lines.push(indent(event.stderr));
        break;
    }
  }
  return lines.join('\n');
}

function indent(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
