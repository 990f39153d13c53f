import { resolveLimits } from './agent-limits';
import { waveCheckCommand } from './check-wave';
import type { Sprint } from './plan-sprint';
import type { RunOptions } from './run-options';
import type { WaveContext } from './run-wave';

/** What every wave of a run takes from the run's options: worked out once, for runSprint and resumeRun alike. */
export function waveSettings(sprint: Sprint, options: RunOptions): Pick<WaveContext, 'limits' | 'maxTurns' | 'rerunConflicts' | 'checkCommand' | 'setupCommand' | 'signal'> {
  return {
    limits: resolveLimits(sprint.tasks, options),
    maxTurns: options.maxTurns ?? 50,
    rerunConflicts: options.rerunConflicts ?? true,
    checkCommand: waveCheckCommand(options.checkCommand, sprint.workspace.kind),
    setupCommand: options.setupCommand,
    signal: options.signal,
  };
}
