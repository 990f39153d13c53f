import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { CodewavesError, isCodewavesError } from '../../errors';
import type * as PlanModule from '../../plan';
import type * as ReportModule from '../../report';
import type * as PlanSprintModule from '../../run/plan-sprint';
import { EXIT } from '../exit-codes';
import { createFootprintAssist } from '../../footprint/assist/create-footprint-assist';
import { addAssistOptions, type AssistOptions } from './assist-option';
import { confidence, positiveInt, projectFilter, type CliIO } from '../cli-io';
import { DEFAULT_GUARD } from '../../plan/plan';

type PlanFormat = 'text' | 'json' | 'markdown' | 'mermaid' | 'matrix';

interface PlanCommandOptions extends AssistOptions {
  format?: PlanFormat;
  json?: boolean;
  wave?: number;
  output?: string;
  project?: string[];
  cwd?: string;
  concurrency?: number;
  hotspots: 'serialise' | 'merge';
  vague: 'isolate' | 'share';
  guard?: number;
  affected?: boolean;
  base?: string;
  check?: boolean;
  maxWaves?: number;
  maxFootprint?: number;
  expect?: string;
  cache: boolean;
}

/** Task-set errors that mean "the plan is bad" to a CI gate, rather than "the tool could not run". */
const PLAN_ERRORS = new Set(['TASK_DEPENDENCY_CYCLE', 'TASK_UNKNOWN_DEPENDENCY', 'TASK_DUPLICATE_ID']);

export function registerPlanCommand(program: Command, io: CliIO): void {
  const command = program
    .command('plan')
    .description('Predict each task\'s footprint and print the waves, without running any agent. With --check, a CI gate.')
    .addOption(new Option('-f, --format <format>', 'text, json (the plan document), markdown (PR comment or step summary, with a Mermaid picture), mermaid, matrix (GitHub Actions)').choices(['text', 'json', 'markdown', 'mermaid', 'matrix']))
    .option('--json', 'same as --format json')
    .option('--wave <n>', 'with --format matrix: only this wave\'s matrix', positiveInt)
    .option('-o, --output <file>', 'write the rendering to a file instead of standard output')
    .option('-p, --project <names...>', 'only the tasks of these projects')
    .option('-c, --concurrency <n>', 'agents at once: larger waves are split, in order', positiveInt)
    .addOption(new Option('--vague <policy>', 'a task whose footprint is only "anywhere in its project": isolate (a wave of its own), or share (any wave; a collision goes to the merge and the re-run)').choices(['isolate', 'share']).default('isolate'))
    .option('--guard <confidence>', `keep two tasks in different waves when both may write one file at this confidence or more, 0..1 (default ${DEFAULT_GUARD}); lower catches more conflicts and runs fewer tasks side by side`, confidence)
    .addOption(new Option('--hotspots <policy>', 'shared manifests, lockfiles, barrels, route registries: serialise, or merge (leave to the wave merge)').choices(['serialise', 'merge']).default('serialise'))
    .option('--affected', 'only tasks whose task file or footprint meets a file changed since --base')
    .option('--base <ref>', 'with --affected: the ref to compare with', 'main')
    .option('--check', 'exit 3 when the plan is bad (see --max-waves, --max-footprint, --expect); print why')
    .option('--max-waves <n>', 'with --check: the most waves allowed', positiveInt)
    .option('--max-footprint <n>', 'with --check: the most files one task may be predicted to write (default 50)', positiveInt)
    .option('--expect <plan.json>', 'with --check: a committed plan this one must match (waves and edges)')
    .option('--no-cache', 'predict the footprints afresh instead of reading the ones kept in .codewaves/cache/ by a plan on this same commit, changes and tasks')
    .option('--cwd <dir>', 'the workspace (default: the current folder)');
  addAssistOptions(command)
    .action(async (options: PlanCommandOptions) => {
      // Loaded on use: `codewaves footprint` and `--help` should not pay for what they do not use.
      const { planSprint } = require('../../run/plan-sprint') as typeof PlanSprintModule;
      const plans = require('../../plan') as typeof PlanModule;
      const reports = require('../../report') as typeof ReportModule;
      const format: PlanFormat = options.json ? 'json' : (options.format ?? 'text');

      let plan;
      try {
        ({ plan } = await planSprint({
          cwd: options.cwd ?? io.cwd,
          onlyProjects: projectFilter(options.project),
          policy: { hotspots: options.hotspots, ...(options.vague === 'share' ? { vague: 'share' as const } : {}), ...(options.concurrency ? { concurrency: options.concurrency } : {}), ...(options.guard !== undefined ? { guard: options.guard } : {}) },
          affectedSince: options.affected ? options.base : undefined,
          assist: createFootprintAssist(options, io.env),
          cache: options.cache,
        }));
      } catch (error) {
        if (options.check && isCodewavesError(error) && PLAN_ERRORS.has(error.code)) {
          io.stderr(`codewaves plan --check: the task set cannot be scheduled as declared`);
          io.stderr(`  ${error.location ? `${error.location.file}: ` : ''}${error.message}${error.hint ? `\n  fix: ${error.hint}` : ''}`);
          io.exitCode = EXIT.planRejected;
          return;
        }
        throw error;
      }

      const rendered =
        format === 'json'
          ? JSON.stringify(plan, null, 2)
          : format === 'markdown'
            ? reports.renderPlanMarkdown(plan)
            : format === 'mermaid'
              ? reports.renderPlanMermaid(plan)
              : format === 'matrix'
                ? reports.renderPlanMatrix(plan, options.wave)
                : plans.renderPlanText(plan);
      if (options.output) {
        await writeFile(resolve(io.cwd, options.output), `${rendered}\n`);
        io.stderr(`wrote the plan (${format}) to ${options.output}`);
      } else io.stdout(rendered);

      if (!options.check) {
        io.exitCode = EXIT.ok;
        return;
      }
      const expected = options.expect ? await readExpectedPlan(resolve(io.cwd, options.expect)) : undefined;
      const problems = plans.checkPlan(plan, { maxWaves: options.maxWaves, maxFootprint: options.maxFootprint, expected });
      for (const problem of problems) io.stderr(`codewaves plan --check: ${problem.message}\n  fix: ${problem.hint}`);
      if (problems.length === 0) io.stderr(`codewaves plan --check: ok (${plan.stats.tasks} tasks in ${plan.stats.waves} waves)`);
      io.exitCode = problems.length === 0 ? EXIT.ok : EXIT.planRejected;
    });
}

async function readExpectedPlan(path: string): Promise<PlanModule.Plan> {
  let data: PlanModule.Plan;
  try {
    data = JSON.parse(await readFile(path, 'utf8')) as PlanModule.Plan;
  } catch (error) {
    throw new CodewavesError('USAGE', `cannot read the expected plan ${path}: ${(error as Error).message}`, {
      hint: 'write one with `codewaves plan --format json --output <file>` and commit it',
    });
  }
  if (data?.schemaVersion !== 1 || !Array.isArray(data.waves) || !Array.isArray(data.edges)) {
    throw new CodewavesError('USAGE', `${path} is not a codewaves plan (schemaVersion 1 with waves and edges)`, { location: { file: path } });
  }
  return data;
}
