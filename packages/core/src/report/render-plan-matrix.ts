import { CodewavesError } from '../errors';
import type { Plan } from '../plan/plan';
import { tasksByWave } from './plan-tasks';

export interface PlanMatrixEntry {
  wave: number;
  task: string;
  /** Empty when the task belongs to no project: matrix values are compared as strings. */
  project: string;
  file: string;
}

/**
 * GitHub Actions matrices as one line of JSON (for $GITHUB_OUTPUT). With a 1-based wave:
 * `{"include":[...]}` for that wave's jobs; without: `{"waves":[{"wave":1,"include":[...]}],"waveCount":N}`.
 */
export function renderPlanMatrix(plan: Plan, wave?: number): string {
  const waves = tasksByWave(plan).map((tasks, index): PlanMatrixEntry[] =>
    tasks.map((task) => ({ wave: index + 1, task: task.id, project: task.project ?? '', file: task.file })),
  );
  if (wave === undefined) {
    return JSON.stringify({ waves: waves.map((include, index) => ({ wave: index + 1, include })), waveCount: waves.length });
  }
  if (!Number.isInteger(wave) || wave < 1 || wave > waves.length) {
    const range =
      waves.length === 0 ? 'the plan has no waves' : waves.length === 1 ? 'the plan has 1 wave: use 1' : `the plan has ${waves.length} waves: use 1 to ${waves.length}`;
    throw new CodewavesError('USAGE', `wave ${wave} is out of range: ${range}`, {
      hint: 'pass a wave number from the plan, or no wave for the matrix of every wave',
    });
  }
  return JSON.stringify({ include: waves[wave - 1] });
}
