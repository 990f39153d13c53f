import type { RunReporter } from '../run/run-options';

/** One JSON object per line for every event of a run: for CI logs and scripts that follow a run. */
export function jsonlReporter(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`), now: () => Date = () => new Date()): RunReporter {
  const emit = (event: Record<string, unknown>) => write(JSON.stringify({ at: now().toISOString(), ...event }));
  return {
    plan: (plan) => emit({ event: 'plan', tasks: plan.stats.tasks, waves: plan.waves, stats: plan.stats }),
    runStarted: (info) => emit({ event: 'run-started', ...info }),
    waveStarted: (wave, tasks) => emit({ event: 'wave-started', wave, tasks }),
    status: (task, status, reason) => emit({ event: 'status', task, status, reason }),
    waveMerged: (wave, head) => emit({ event: 'wave-merged', wave, head }),
    waveChecked: (wave, check) => emit({ event: 'wave-checked', wave, ...check }),
    finished: (summary) =>
      emit({ event: 'finished', runId: summary.runId, integrationBranch: summary.integrationBranch, head: summary.head, tasks: summary.tasks.map((task) => ({ id: task.id, status: task.status, files: task.files })) }),
  };
}
