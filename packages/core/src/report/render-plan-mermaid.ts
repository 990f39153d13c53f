import type { ConflictEdge, Plan } from '../plan/plan';
import { tasksByWave } from './plan-tasks';

/**
 * The waves as a Mermaid flowchart: one column (subgraph) per wave, and the edges that kept tasks
 * apart: depends-on solid, write-read dotted with an arrow, write-write a dotted line naming a path.
 */
export function renderPlanMermaid(plan: Plan): string {
  const waves = tasksByWave(plan);
  // Task ids may contain `-`, `.` or be `end`, which Mermaid reads as syntax: nodes get generated ids.
  const nodeIds = new Map(waves.flat().map((task, index) => [task.id, `t${index + 1}`]));
  const node = (id: string, where: string) => nodeIds.get(id) ?? unscheduled(id, where);

  const lines = ['flowchart LR'];
  waves.forEach((tasks, index) => {
    lines.push(`  subgraph w${index + 1} ["Wave ${index + 1}"]`);
    for (const task of tasks) lines.push(`    ${nodeIds.get(task.id)}["${escapeMermaid(task.title)}"]`);
    lines.push('  end');
  });
  // Invisible links keep the wave columns in order when no edge crosses between two waves.
  if (plan.waves.length > 1) lines.push(`  ${plan.waves.map((_, index) => `w${index + 1}`).join(' ~~~ ')}`);
  for (const edge of plan.edges) {
    const where = `a ${edge.kind} edge`;
    lines.push(`  ${node(edge.from, where)} ${link(edge)} ${node(edge.to, where)}`);
  }
  return lines.join('\n');
}

function unscheduled(id: string, where: string): never {
  throw new Error(`${where} names task ${id}, which is in no wave of the plan`);
}

function link(edge: ConflictEdge): string {
  switch (edge.kind) {
    case 'depends-on':
      return '-->';
    case 'write-read':
      return edge.reason ? '-.->|after|' : '-.->|reads|';
    case 'write-write': {
      if (edge.paths.length === 0) return '-.-';
      const more = edge.paths.length > 1 ? ` +${edge.paths.length - 1} more` : '';
      return `-.-|"${escapeMermaid(edge.paths[0] + more)}"|`;
    }
  }
}

/** Text for a quoted Mermaid label: quotes, brackets, pipes and angle brackets become entity codes. */
function escapeMermaid(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/\[/g, '#91;')
    .replace(/\]/g, '#93;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;');
}
