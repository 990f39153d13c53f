import { WRITE_THRESHOLD } from '../footprint';
import type { Plan } from './plan';

export interface PlanCheckOptions {
  /** The plan may not need more waves than this. */
  maxWaves?: number;
  /** A task whose predicted write set has more files than this is too broad to schedule usefully. */
  maxFootprint?: number;
  /** The committed plan this one must match (waves and edges), so a change of schedule is visible. */
  expected?: Plan;
}

export type PlanProblemCode = 'TOO_MANY_WAVES' | 'EMPTY_FOOTPRINT' | 'BROAD_FOOTPRINT' | 'PLAN_CHANGED';

export interface PlanProblem {
  code: PlanProblemCode;
  task?: string;
  message: string;
  hint: string;
}

export const DEFAULT_MAX_FOOTPRINT = 50;

/** What a CI gate objects to in a plan. Pure: the CLI turns the list into messages and an exit code. */
export function checkPlan(plan: Plan, options: PlanCheckOptions = {}): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (options.maxWaves !== undefined && plan.stats.waves > options.maxWaves) {
    problems.push({
      code: 'TOO_MANY_WAVES',
      message: `the plan needs ${plan.stats.waves} waves, more than --max-waves ${options.maxWaves} (lower bound ${plan.stats.lowerBound})`,
      hint: plan.stats.lowerBound > options.maxWaves
        ? 'no schedule fits: split tasks that write the same files, or drop a dependsOn chain'
        : 'narrow the tasks\' `touches` so fewer of them write the same files',
    });
  }
  const maxFootprint = options.maxFootprint ?? DEFAULT_MAX_FOOTPRINT;
  for (const task of plan.tasks) {
    const concrete = task.footprint.writes.filter((entry) => !entry.pattern && entry.confidence >= WRITE_THRESHOLD);
    if (task.footprint.fallback) {
      // Say what stands in: a pattern (a project, the projects its kind of work lands in), or,
      // with history, the project's most changed files and the task's best guesses.
      const patterns = task.footprint.writes.filter((entry) => entry.pattern && entry.confidence >= WRITE_THRESHOLD).map((entry) => entry.path);
      const assumed = patterns.length > 0 ? `it is assumed to write anywhere in ${patterns.join(' or ')}` : `the planner keeps it apart on the files history points to: ${concrete.map((entry) => entry.path).join(', ')}`;
      problems.push({
        code: 'EMPTY_FOOTPRINT',
        task: task.id,
        message: `${task.file}: task \`${task.id}\` names no file the planner can trust, so ${assumed}`,
        hint: 'add `touches: [...]` to its front matter, or name the files or symbols it changes in the prompt',
      });
    } else if (concrete.length > maxFootprint) {
      problems.push({
        code: 'BROAD_FOOTPRINT',
        task: task.id,
        message: `${task.file}: task \`${task.id}\` is predicted to write ${concrete.length} files, more than ${maxFootprint}`,
        hint: 'split the task, or narrow its `touches` globs',
      });
    }
  }
  if (options.expected) {
    const changes = planChanges(options.expected, plan);
    if (changes.length > 0) {
      problems.push({
        code: 'PLAN_CHANGED',
        message: `the plan differs from the expected plan:\n${changes.map((line) => `    ${line}`).join('\n')}`,
        hint: `${guardChange(options.expected, plan)}if the new schedule is intended, write it with \`codewaves plan --format json --output <expected plan>\` and commit it`,
      });
    }
  }
  return problems;
}

/** A changed guard explains a changed plan. A plan written before the guard existed kept tasks apart at the write set's threshold. */
function guardChange(expected: Plan, actual: Plan): string {
  const before = expected.policy.guard ?? WRITE_THRESHOLD;
  const after = actual.policy.guard ?? WRITE_THRESHOLD;
  return before === after ? '' : `the expected plan was made with guard ${before} and this one with ${after}: pass \`--guard ${before}\` to plan as before, or `;
}

/** Human-readable differences in waves and edges; confidences and the base commit do not count. */
export function planChanges(expected: Plan, actual: Plan): string[] {
  const lines: string[] = [];
  const count = Math.max(expected.waves.length, actual.waves.length);
  for (let i = 0; i < count; i++) {
    const before = (expected.waves[i] ?? []).join(', ');
    const after = (actual.waves[i] ?? []).join(', ');
    if (before !== after) lines.push(`wave ${i + 1}: expected [${before}], now [${after}]`);
  }
  const key = (edge: Plan['edges'][number]) => `${edge.kind} ${edge.from} -> ${edge.to}`;
  const had = new Set(expected.edges.map(key));
  const has = new Set(actual.edges.map(key));
  for (const edge of [...has].filter((entry) => !had.has(entry)).sort()) lines.push(`new edge: ${edge}`);
  for (const edge of [...had].filter((entry) => !has.has(entry)).sort()) lines.push(`edge gone: ${edge}`);
  return lines;
}
