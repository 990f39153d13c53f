import { relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { predictedPaths, predictFootprints, WRITE_THRESHOLD } from '../../footprint';
import { findRepositoryRoot, listWorkspaceFiles } from '../../git';
import { parseTaskFile } from '../../tasks';
import { detectWorkspace, owningProject } from '../../workspace';
import { EXIT } from '../exit-codes';
import { createFootprintAssist } from '../../footprint/assist/create-footprint-assist';
import { addAssistOptions, type AssistOptions } from './assist-option';
import { confidence, readNamedFile, type CliIO } from '../cli-io';

export function registerFootprintCommand(program: Command, io: CliIO): void {
  const command = program
    .command('footprint <task-file>')
    .description('Predict which files one task will write. The task file may be any Markdown file, inside the workspace or not.')
    .addOption(new Option('--format <format>', 'paths: a JSON array of paths; json: entries with confidence and reasons; text: for people').choices(['paths', 'json', 'text']).default('text'))
    .option('--min-confidence <n>', `leave out entries below this confidence, 0..1 (default: ${WRITE_THRESHOLD}, the planner's threshold)`, confidence, WRITE_THRESHOLD)
    .option('--explain', 'with --format text, show every entry down to confidence 0.1 and why')
    .option('--cwd <dir>', 'the workspace (default: the current folder)');
  addAssistOptions(command)
    .action(async (taskFile: string, options: { format: string; minConfidence: number; explain?: boolean; cwd?: string } & AssistOptions) => {
      const assist = createFootprintAssist(options, io.env);
      const root = await findRepositoryRoot(options.cwd ?? io.cwd);
      const files = await listWorkspaceFiles(root);
      const workspace = await detectWorkspace(root, files);
      const absolute = resolve(io.cwd, taskFile);
      const inside = relative(root, absolute);
      const outside = inside.startsWith('..');
      const file = outside ? absolute : inside.split('\\').join('/');
      const project = outside ? undefined : owningProject(workspace.projects, file)?.name;
      const text = await readNamedFile(absolute, taskFile, 'task file', 'pass the path of a Markdown task file, e.g. `codewaves footprint codex/add-login.md`');
      const task = parseTaskFile(file, text, { project });
      const footprint = (await predictFootprints(root, files, workspace.projects, [task], { assist, notes: workspace.notes })).get(task.id)!;
      const floor = options.explain ? 0 : options.minConfidence;
      const writes = footprint.writes.filter((entry) => entry.confidence >= floor);
      if (options.format === 'paths') io.stdout(JSON.stringify(predictedPaths(footprint, floor)));
      else if (options.format === 'json') io.stdout(JSON.stringify({ ...footprint, writes }, null, 2));
      else {
        io.stdout(`${task.id}: ${task.title}`);
        for (const entry of writes) {
          io.stdout(`  ${entry.confidence.toFixed(2)}  ${entry.path}${entry.pattern ? ' (pattern)' : ''}`);
          for (const reason of entry.reasons) io.stdout(`          ${reason}`);
        }
        const reads = footprint.reads.filter((entry) => entry.confidence >= floor);
        if (reads.length > 0) io.stdout('  reads:');
        for (const entry of reads) io.stdout(`  ${entry.confidence.toFixed(2)}  ${entry.path}  (${entry.reasons.join('; ')})`);
        for (const note of footprint.notes ?? []) io.stdout(`  note: ${note}`);
      }
      io.exitCode = EXIT.ok;
    });
}
