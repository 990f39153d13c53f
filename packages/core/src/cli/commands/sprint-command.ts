import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type * as FootprintModule from '../../footprint';
import type * as GitModule from '../../git';
import type * as PlanModule from '../../plan';
import type * as PlanSprintModule from '../../run/plan-sprint';
import type * as SprintModule from '../../sprint';
import type * as TasksModule from '../../tasks';
import type * as WorkspaceModule from '../../workspace';
import { CodewavesError } from '../../errors';
import { EXIT } from '../exit-codes';
import { readNamedFile, type CliIO } from '../cli-io';

interface SprintCommandOptions {
  dryRun?: boolean;
  project?: string;
  json?: boolean;
  cwd?: string;
}

export function registerSprintCommand(program: Command, io: CliIO): void {
  program
    .command('sprint <sprint-list>')
    .description(
      'Turn a Markdown checklist into task files, each in the project its predicted footprint points to (<project root>/codex/<id>.md), then print the plan of all tasks.',
    )
    .option('--dry-run', 'write nothing: show where each task would go and the plan they would make')
    .option('--project <name>', 'the project for items that no predicted file or conventional-commit scope points to')
    .option('--json', 'print the placements and the plan as one JSON document')
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(async (sprintList: string, options: SprintCommandOptions) => {
      // Loaded on use: `--help` and the other commands should not pay for ts-morph and the planner.
      const { findRepositoryRoot, listWorkspaceFiles } = require('../../git') as typeof GitModule;
      const { detectWorkspace } = require('../../workspace') as typeof WorkspaceModule;
      const { loadTasks } = require('../../tasks') as typeof TasksModule;
      const { loadFootprintContext } = require('../../footprint') as typeof FootprintModule;
      const { parseSprintList, placeSprintTasks } = require('../../sprint') as typeof SprintModule;
      const { planSprint } = require('../../run/plan-sprint') as typeof PlanSprintModule;
      const { renderPlanText } = require('../../plan') as typeof PlanModule;

      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const absolute = resolve(io.cwd, sprintList);
      const inside = relative(root, absolute).split('\\').join('/');
      const sprintFile = inside.startsWith('..') ? absolute : inside;
      const text = await readNamedFile(absolute, sprintFile, 'sprint list', 'pass the path of a Markdown checklist, e.g. `codewaves sprint sprint.md`');

      const items = parseSprintList(sprintFile, text);
      const files = await listWorkspaceFiles(root);
      const workspace = await detectWorkspace(root, files);
      const existingTasks = await loadTasks(root, files, workspace.projects);
      const context = await loadFootprintContext(root, files, workspace.projects, items.map((item) => `${item.title}\n${item.body}`));
      const { tasks: placed, existing } = placeSprintTasks(items, context, { sprintFile, existingTasks, defaultProject: options.project });

      if (!options.dryRun) await writeTaskFiles(root, placed);
      // Dry run: the new tasks are planned from memory, as if written; otherwise from disk, as `codewaves plan` would.
      const { plan } = await planSprint({ cwd: root, ...(options.dryRun ? { extraTasks: placed.map((entry) => entry.task) } : {}) });
      const planned = new Set(plan.tasks.map((task) => task.id));
      const unseen = placed.filter((entry) => !planned.has(entry.id));

      if (options.json) {
        const tasks = placed.map(({ id, line, project, path, reason }) => ({ id, line, project, path, reason }));
        io.stdout(JSON.stringify({ dryRun: Boolean(options.dryRun), tasks, existing, plan }, null, 2));
      } else {
        io.stdout(summaryLine(sprintFile, placed.length, Boolean(options.dryRun)));
        for (const entry of placed) io.stdout(`  ${entry.id} -> ${entry.path}  [${entry.project}: ${entry.reason}]`);
        for (const entry of existing) io.stdout(`  line ${entry.line} is already a task: ${entry.id} (${entry.file}), left as it is`);
        io.stdout('');
        io.stdout(renderPlanText(plan));
      }
      // A written file the planner does not find is in a folder git ignores: say so rather than lose the task.
      for (const entry of unseen) io.stderr(`codewaves: ${entry.path} was written but is not found as a task file (is its folder ignored by git?)`);
      io.exitCode = EXIT.ok;
    });
}

function summaryLine(sprintFile: string, count: number, dryRun: boolean): string {
  if (count === 0) return `Nothing new in ${sprintFile}: every open item already is a task.`;
  const files = `${count} task file${count === 1 ? '' : 's'}`;
  return dryRun ? `Would write ${files} from ${sprintFile} (dry run: nothing written):` : `Wrote ${files} from ${sprintFile}:`;
}

/** Every file or none: all paths are checked (ignored files included) before the first is written. */
async function writeTaskFiles(root: string, placed: readonly SprintModule.PlacedSprintTask[]): Promise<void> {
  const taken = placed.find((entry) => existsSync(join(root, entry.path)));
  if (taken) {
    throw new CodewavesError('USAGE', `${taken.path} already exists; the sprint never overwrites a file`, {
      hint: `reword the item's title (the id comes from it), or move ${taken.path} away`,
    });
  }
  for (const entry of placed) {
    await mkdir(dirname(join(root, entry.path)), { recursive: true });
    // `wx`: fail rather than overwrite a file created since the check.
    await writeFile(join(root, entry.path), entry.content, { encoding: 'utf8', flag: 'wx' });
  }
}
