import type { Command } from 'commander';
import type * as PlanModule from '../../plan';
import type * as PlanSprintModule from '../../run/plan-sprint';
import { EXIT } from '../exit-codes';
import { projectFilter, type CliIO } from '../cli-io';

export function registerPlanCommand(program: Command, io: CliIO): void {
  program
    .command('plan')
    .description('Predict each task\'s footprint and print the waves, without running any agent.')
    .option('--json', 'print the plan as JSON (schemaVersion, tasks with footprints, edges, waves, stats)')
    .option('-p, --project <names...>', 'only the tasks of these projects')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (options: { json?: boolean; project?: string[]; cwd?: string }) => {
      // Loaded on use: `codewaves footprint` and `--help` should not pay for the agent runtime.
      const { planSprint } = require('../../run/plan-sprint') as typeof PlanSprintModule;
      const { renderPlanText } = require('../../plan') as typeof PlanModule;
      const { plan } = await planSprint({ cwd: options.cwd ?? io.cwd, onlyProjects: projectFilter(options.project) });
      io.stdout(options.json ? JSON.stringify(plan, null, 2) : renderPlanText(plan));
      io.exitCode = EXIT.ok;
    });
}
