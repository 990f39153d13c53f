import { formatUsd, PRICES_AS_OF } from '../pricing';
import type { RunSummary, TaskResult, UsageTotals } from '../run/run-summary';

/** The end of a run, for a terminal: what happened to each task and where to look next. */
export function renderSummaryText(summary: RunSummary): string {
  if (summary.tasks.length === 0) return 'Nothing to run: no task is affected by the changes since the base.';
  const lines: string[] = [];
  const merged = summary.tasks.filter((task) => task.status === 'merged').length;
  lines.push(
    `Run ${summary.runId}: ${merged}/${summary.tasks.length} tasks merged in ${summary.waves.length} wave${summary.waves.length === 1 ? '' : 's'} (${formatDuration(summary.durationMs)})`,
  );
  for (const [index, wave] of summary.waves.entries()) {
    const waveUsage = summary.usage?.waves[index];
    lines.push(`  wave ${index + 1}${waveUsage && waveUsage.input + waveUsage.output > 0 ? `  (${renderUsageShort(waveUsage)})` : ''}`);
    for (const id of wave) {
      const task = summary.tasks.find((candidate) => candidate.id === id);
      if (!task) continue;
      lines.push(`    ${pad(task.status, 10)} ${task.id}  ${task.files.length} file${task.files.length === 1 ? '' : 's'}${renderTaskTokens(task)}, ${formatDuration(task.durationMs)}`);
      for (const file of task.files.slice(0, 8)) lines.push(`               ${file}`);
      if (task.files.length > 8) lines.push(`               ... ${task.files.length - 8} more`);
      if (task.resolvedConflicts?.length) lines.push(`               conflicts resolved: ${task.resolvedConflicts.map((r) => `${r.file} (${r.by === 'json' ? 'as data' : r.by === 'lockfile' ? 'regenerated' : 'structurally'})`).join(', ')}`);
      if (task.drift?.unplanned.length) lines.push(`               not predicted: ${task.drift.unplanned.join(', ')}`);
      if (task.status !== 'merged') lines.push(`               ${task.summary}`);
      if (task.status === 'conflicted') {
        lines.push(`               conflicting files: ${(task.conflictFiles ?? []).join(', ') || '(see the thread)'}  (both sides: codewaves show ${task.id})`);
        lines.push(`               resolve by hand: git switch -c resolve-${task.id} ${summary.integrationBranch} && git merge ${task.branch}`);
        lines.push(`               then: git switch - && git merge --ff-only resolve-${task.id}   (or: codewaves retry ${task.id} --fresh)`);
      }
    }
  }
  const changed = summary.tasks.reduce((sum, task) => sum + task.files.length, 0);
  const unplanned = summary.tasks.reduce((sum, task) => sum + (task.drift?.unplanned.length ?? 0), 0);
  if (changed > 0) lines.push(`  footprint: ${changed - unplanned} of ${changed} changed files were predicted${unplanned ? ` (${unplanned} not: see "not predicted")` : ''}`);
  if (summary.usage && summary.usage.total.input + summary.usage.total.output > 0) lines.push(`  ${renderUsageLine(summary.usage.total)}`);
  lines.push('');
  lines.push(`Integration branch: ${summary.integrationBranch} (${summary.head.slice(0, 10)}), from ${summary.base.slice(0, 10)}. Your checkout was not changed.`);
  lines.push(`  review:  git log --oneline ${summary.base.slice(0, 10)}..${summary.integrationBranch}`);
  lines.push(`           git diff ${summary.base.slice(0, 10)}...${summary.integrationBranch}`);
  lines.push(`  apply:   git merge ${summary.integrationBranch}`);
  lines.push(`  threads: codewaves threads; codewaves show <task>; codewaves diff <task>  (${summary.threadsDir})`);
  return lines.join('\n');
}

function renderTaskTokens(task: TaskResult): string {
  const tokens = task.tokens.input + task.tokens.output;
  if (!tokens) return '';
  const cost = task.costUsd === undefined ? '' : task.costUsd === null ? ' (cost unknown)' : ` (${formatUsd(task.costUsd)})`;
  return `, ${formatCount(tokens)} tokens${cost}`;
}

function renderUsageShort(usage: UsageTotals): string {
  return `${formatCount(usage.input + usage.output)} tokens, ${usage.costUsd === null ? 'cost unknown' : formatUsd(usage.costUsd)}`;
}

/** The run's tokens and cost, saying how far to trust the cost. */
export function renderUsageLine(usage: UsageTotals): string {
  const tokens = `tokens: ${formatCount(usage.input)} input${usage.cachedInput ? ` (${formatCount(usage.cachedInput)} cached)` : ''}, ${formatCount(usage.output)} output`;
  const cost =
    usage.costUsd === null
      ? `cost unknown for ${usage.unpriced.join(', ')}: no price for the model that answered, or no model named (a replay); add it to a --prices or CODEWAVES_PRICES file`
      : `cost ${formatUsd(usage.costUsd)} (approximate list prices as of ${PRICES_AS_OF} unless overridden by --prices or CODEWAVES_PRICES)`;
  return `${tokens}; ${cost}`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
