import { WRITE_THRESHOLD } from '../footprint';
import { isGuardedOnly } from '../plan/guarded-edge';
import { planNotes } from '../plan/plan-notes';
import type { ConflictEdge, Plan, PlannedTask } from '../plan/plan';
import { tasksByWave } from './plan-tasks';
import { renderPlanMermaid } from './render-plan-mermaid';

const SHOWN_WRITES = 3;
const SHOWN_EDGE_PATHS = 5;

/**
 * The plan for a pull request comment or $GITHUB_STEP_SUMMARY: a title line with the numbers, the
 * waves as a Mermaid picture, a table per wave, then why tasks were kept apart.
 */
export function renderPlanMarkdown(plan: Plan): string {
  const { stats, policy } = plan;
  const lines = [
    `## codewaves plan: ${count(stats.tasks, 'task')} in ${count(stats.waves, 'wave')} ` +
      `(lower bound ${stats.lowerBound}${stats.optimal ? ', optimal' : ''}), predicted speed-up ${round(stats.predictedSpeedup)}x`,
    '',
    `From ${code(plan.baseCommit.slice(0, 10))}; hotspots ${policy.hotspots === 'serialise' ? 'serialised' : 'left to the merge'}` +
      `${policy.guard === undefined ? '' : `; guard ${policy.guard}`}` +
      `${policy.concurrency === undefined ? '' : `; at most ${count(policy.concurrency, 'agent')} at once`}.`,
  ];
  if (plan.waves.length === 0) return lines.join('\n');

  lines.push('', '```mermaid', renderPlanMermaid(plan), '```');
  tasksByWave(plan).forEach((tasks, index) => {
    lines.push('', `### Wave ${index + 1}`, '', '| Task | Project | Title | Predicted writes | Lowest confidence |', '| --- | --- | --- | --- | --- |');
    for (const task of tasks) lines.push(taskRow(task));
  });
  if (plan.edges.length > 0) {
    lines.push('', '### Why tasks were kept apart', '');
    for (const edge of plan.edges) lines.push(`- ${edgeReason(edge, isGuardedOnly(plan, edge) ? plan.policy.guard : undefined)}`);
  }
  const notes = planNotes(plan);
  if (notes.length > 0) {
    lines.push('', '### What the prediction could not see', '');
    for (const { note, tasks } of notes) lines.push(`- ${text(note)}${tasks ? ` (${tasks.map(code).join(', ')})` : ''}`);
  }
  return lines.join('\n');
}

function taskRow(task: PlannedTask): string {
  const { fallback } = task.footprint;
  // The write set the planner acted on; lower-confidence guesses stay in the JSON plan.
  const writes = task.footprint.writes.filter((entry) => entry.confidence >= WRITE_THRESHOLD);
  const shown = writes.slice(0, SHOWN_WRITES);
  const paths = (listPaths(writes.map((entry) => entry.path), SHOWN_WRITES) || '-') + (fallback ? ' (project fallback)' : '');
  const lowest = shown.length > 0 ? `${Math.round(Math.min(...shown.map((entry) => entry.confidence)) * 100)}%` : '-';
  return `| ${code(task.id)} | ${task.project ? text(task.project) : '-'} | ${text(task.title)} | ${paths} | ${lowest} |`;
}

/** `guard`: the edge is only the guard's (see isGuardedOnly), made at this confidence. */
function edgeReason(edge: ConflictEdge, guard?: number): string {
  const paths = listPaths(edge.paths, SHOWN_EDGE_PATHS);
  switch (edge.kind) {
    case 'depends-on':
      return `${code(edge.to)} depends on ${code(edge.from)}`;
    case 'write-read':
      if (edge.reason) return `${code(edge.to)} after ${code(edge.from)}: ${text(edge.reason)}`;
      return `${code(edge.to)} reads ${paths || 'files'} that ${code(edge.from)} writes`;
    case 'write-write':
      if (guard !== undefined) return `${code(edge.from)} and ${code(edge.to)} may both write ${paths || 'the same files'} (guesses over the guard, ${guard})`;
      return `${code(edge.from)} and ${code(edge.to)} both write ${paths || 'the same files'}`;
  }
}

function listPaths(paths: readonly string[], shown: number): string {
  const more = paths.length > shown ? `, +${paths.length - shown} more` : '';
  return paths.slice(0, shown).map(code).join(', ') + more;
}

/** A code span that survives a table cell: pipes escaped, a fence longer than any backtick run inside. */
function code(value: string): string {
  const flat = value.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  const fence = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Plain text in Markdown: no accidental emphasis, links, HTML, math or table cells. */
function text(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&$]/g, '\\$&');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
