import { WRITE_THRESHOLD } from '../footprint';
import { isGuardedOnly } from './guarded-edge';
import { planNotes } from './plan-notes';
import type { Plan } from './plan';

/** The plan for a terminal: waves first (what will happen), then why tasks were kept apart. */
export function renderPlanText(plan: Plan): string {
  const lines: string[] = [];
  const byId = new Map(plan.tasks.map((task) => [task.id, task]));
  lines.push(
    `Plan: ${plan.stats.tasks} task${plan.stats.tasks === 1 ? '' : 's'} in ${plan.stats.waves} wave${plan.stats.waves === 1 ? '' : 's'} ` +
      `(${plan.stats.optimal ? 'optimal' : `lower bound ${plan.stats.lowerBound}`}, predicted speed-up ${plan.stats.predictedSpeedup}x over one at a time) from ${plan.baseCommit.slice(0, 10)}`,
  );
  plan.waves.forEach((wave, index) => {
    lines.push(`  wave ${index + 1}`);
    for (const id of wave) {
      const task = byId.get(id)!;
      const writes = task.footprint.writes.filter((entry) => entry.confidence >= WRITE_THRESHOLD).map((entry) => entry.path);
      const shown = writes.slice(0, 4).join(', ') + (writes.length > 4 ? `, +${writes.length - 4} more` : '');
      lines.push(`    ${id}${task.project ? ` [${task.project}]` : ''}  ${task.title}`);
      lines.push(`      writes${task.footprint.fallback ? ' (fallback: no file named)' : ''}: ${shown || '-'}`);
    }
  });
  if (plan.edges.length > 0) {
    lines.push('  kept apart');
    for (const edge of plan.edges) {
      const paths = `${edge.paths.slice(0, 3).join(', ')}${edge.paths.length > 3 ? ', ...' : ''}`;
      lines.push(
        edge.kind === 'depends-on'
          ? `    ${edge.to} depends on ${edge.from}`
          : edge.reason
            ? `    ${edge.to} after ${edge.from}: ${edge.reason}${paths ? ` (${paths})` : ''}`
          : edge.kind === 'write-read'
            ? `    ${edge.to} reads what ${edge.from} writes: ${paths}`
            : isGuardedOnly(plan, edge)
              ? `    ${edge.from} <-> ${edge.to}: both may write ${paths} (guesses over the guard, ${plan.policy.guard ?? WRITE_THRESHOLD})`
              : `    ${edge.from} <-> ${edge.to}: both write ${paths}`,
      );
    }
  }
  const notes = planNotes(plan);
  if (notes.length > 0) {
    lines.push('  notes');
    for (const { note, tasks } of notes) lines.push(`    ${note}${tasks ? ` (${tasks.join(', ')})` : ''}`);
  }
  return lines.join('\n');
}
