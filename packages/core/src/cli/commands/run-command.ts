import { Option, type Command } from 'commander';
import type * as ReportModule from '../../report';
import type * as RunModule from '../../run';
import { EXIT } from '../exit-codes';
import { positiveInt, projectFilter, type CliIO } from '../cli-io';

export function registerRunCommand(program: Command, io: CliIO): void {
  program
    .command('run')
    .description(
      'Plan the tasks, then run them wave by wave: one git worktree and branch per task, agents in parallel, each wave merged into codewaves/<run id>. Your checkout and current branch are not changed.',
    )
    .option('-p, --project <names...>', 'only the tasks of these projects')
    .addOption(
      new Option('--provider <name>', 'model provider (default: the task\'s own, else openai when OPENAI_API_KEY is set, else replay of a recorded transcript; record: openai, writing each task\'s transcript for replay)').choices([
        'openai',
        'replay',
        'command',
        'record',
      ]),
    )
    .option('--agent-command <line>', 'command provider: the agent CLI, split into arguments without a shell; "{prompt}" marks the prompt, else it goes on stdin (e.g. "codex exec --json {prompt}")')
    .option('--agent-env <names...>', 'command provider: secret-looking environment variables the agent CLI may see (e.g. OPENAI_API_KEY)')
    .option('--model <name>', 'model for the openai provider (default: CODEWAVES_MODEL or gpt-5-codex)')
    .option('--base-url <url>', 'OpenAI-compatible endpoint (default: OPENAI_BASE_URL)')
    .option('-c, --concurrency <n>', 'agents at once', positiveInt, 4)
    .option('--max-turns <n>', 'model turns per task before it is stopped', positiveInt, 50)
    .option('--affected', 'only tasks whose task file or footprint meets a file changed since --base')
    .option('--base <ref>', 'with --affected: the ref to compare with', 'main')
    .option('--no-rerun-conflicts', 'leave a task that conflicts at the wave merge on its branch instead of re-running it once on the merged code')
    .option('--check-command <cmd>', 'run on each wave\'s merged result (CODEWAVES_WAVE_BASE/HEAD are set); a failure sends the tasks it points at back once with the output. Nx: "npx nx affected -t lint,test,typecheck --base=$CODEWAVES_WAVE_BASE --head=$CODEWAVES_WAVE_HEAD"')
    .option('--allow-dirty', 'run even if files the tasks will change have uncommitted edits (agents will not see them)')
    .option('--json', 'print the run summary as JSON at the end')
    .addOption(new Option('--output-style <style>', 'text: lines for people; jsonl: one JSON event per line, for CI logs').choices(['text', 'jsonl']).default('text'))
    .option('--cwd <dir>', 'the workspace (default: the current folder)')
    .action(
      async (options: {
        project?: string[];
        provider?: 'openai' | 'replay' | 'command' | 'record';
        agentCommand?: string;
        agentEnv?: string[];
        model?: string;
        baseUrl?: string;
        concurrency: number;
        maxTurns: number;
        allowDirty?: boolean;
        affected?: boolean;
        rerunConflicts: boolean;
        checkCommand?: string;
        base: string;
        json?: boolean;
        outputStyle: 'text' | 'jsonl';
        cwd?: string;
      }) => {
        // Loaded on use: the agent runtime (openai, piscina) is not needed by other commands.
        const { runSprint, runSucceeded } = require('../../run') as typeof RunModule;
        const { consoleReporter, jsonlReporter } = require('../../report') as typeof ReportModule;
        const summary = await runSprint({
          cwd: options.cwd ?? io.cwd,
          onlyProjects: projectFilter(options.project),
          provider: options.provider,
          agentCommand: options.agentCommand,
          agentEnv: options.agentEnv,
          model: options.model,
          baseURL: options.baseUrl,
          concurrency: options.concurrency,
          maxTurns: options.maxTurns,
          allowDirty: options.allowDirty,
          affectedSince: options.affected ? options.base : undefined,
          rerunConflicts: options.rerunConflicts,
          checkCommand: options.checkCommand,
          reporter: options.json ? {} : options.outputStyle === 'jsonl' ? jsonlReporter(io.stdout) : consoleReporter(io.stdout),
          env: io.env,
        });
        if (options.json) io.stdout(JSON.stringify(summary, null, 2));
        io.exitCode = runSucceeded(summary) ? EXIT.ok : EXIT.tasksFailed;
      },
    );
}
