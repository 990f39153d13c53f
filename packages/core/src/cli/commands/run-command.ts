import { Option, type Command } from 'commander';
import type * as ReportModule from '../../report';
import type * as RunModule from '../../run';
import { EXIT } from '../exit-codes';
import { createFootprintAssist } from '../../footprint/assist/create-footprint-assist';
import { addAssistOptions, type AssistOptions } from './assist-option';
import { confidence, duration, positiveInt, projectFilter, withInterrupt, type CliIO } from '../cli-io';
import { DEFAULT_GUARD } from '../../plan/plan';

export function registerRunCommand(program: Command, io: CliIO): void {
  const command = program
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
    .option('--task-timeout <duration>', 'wall clock per task\'s agent, e.g. 10m, 90s, 1h30m (a task\'s front matter `timeout` wins); on expiry its commands are killed and the task fails', duration)
    .option('--affected', 'only tasks whose task file or footprint meets a file changed since --base')
    .option('--base <ref>', 'with --affected: the ref to compare with', 'main')
    .option('--no-rerun-conflicts', 'leave a task that conflicts at the wave merge on its branch instead of re-running it once on the merged code')
    .option('--check-command <cmd>', 'run on each wave\'s merged result (CODEWAVES_WAVE_BASE/HEAD are set); a failure sends the tasks it points at back once with the output. Default in an Nx workspace: "npx nx affected -t lint,test,typecheck --base=$CODEWAVES_WAVE_BASE --head=$CODEWAVES_WAVE_HEAD"; "none" turns it off')
    .addOption(new Option('--vague <policy>', 'a task whose footprint is only "anywhere in its project": isolate (a wave of its own), or share (any wave; a collision goes to the merge and the re-run)').choices(['isolate', 'share']).default('isolate'))
    .option('--guard <confidence>', `keep two tasks in different waves when both may write one file at this confidence or more, 0..1 (default ${DEFAULT_GUARD}); lower catches more conflicts and runs fewer tasks side by side`, confidence)
    .option('--setup <cmd>', 'run in each new worktree before its agent starts (copy .env.example, build what tasks import); PORT, CODEWAVES_PORT_BASE and CODEWAVES_PORT_COUNT give each task its own ports')
    .option('--deny-command <patterns...>', 'refuse these commands in run_command, on top of the defaults (a pattern is words: "git push", "rm -rf")')
    .option('--allow-command <patterns...>', 'run_command may run only commands matching these patterns')
    .option('--no-default-deny', 'drop the built-in deny list of run_command (git push, git remote, git config, publishing, gh, sudo ...)')
    .option('--allow-dirty', 'run even if files the tasks will change have uncommitted edits (agents will not see them)')
    .option('--no-cache', 'predict the footprints afresh instead of reading the ones a plan on this same state kept in .codewaves/cache/')
    .option('--prices <file>', 'a JSON price file (model -> USD per 1M input/cachedInput/output tokens) over the built-in approximate prices (default: CODEWAVES_PRICES)')
    .option('--json', 'print the run summary as JSON at the end')
    .addOption(new Option('--output-style <style>', 'text: lines for people; jsonl: one JSON event per line, for CI logs').choices(['text', 'jsonl']).default('text'))
    .option('--cwd <dir>', 'the workspace (default: the current folder)');
  addAssistOptions(command)
    .action(
      async (options: AssistOptions & {
        project?: string[];
        provider?: 'openai' | 'replay' | 'command' | 'record';
        agentCommand?: string;
        agentEnv?: string[];
        model?: string;
        baseUrl?: string;
        concurrency: number;
        maxTurns: number;
        taskTimeout?: number;
        allowDirty?: boolean;
        cache: boolean;
        affected?: boolean;
        rerunConflicts: boolean;
        checkCommand?: string;
        setup?: string;
        vague: 'isolate' | 'share';
        guard?: number;
        denyCommand?: string[];
        allowCommand?: string[];
        defaultDeny: boolean;
        base: string;
        json?: boolean;
        prices?: string;
        outputStyle: 'text' | 'jsonl';
        cwd?: string;
      }) => {
        // Loaded on use: the agent runtime (openai, piscina) is not needed by other commands.
        const { runSprint, runSucceeded } = require('../../run') as typeof RunModule;
        const { consoleReporter, jsonlReporter } = require('../../report') as typeof ReportModule;
        const { result: summary, interrupted } = await withInterrupt(io, (signal) => runSprint({
          cwd: options.cwd ?? io.cwd,
          onlyProjects: projectFilter(options.project),
          provider: options.provider,
          agentCommand: options.agentCommand,
          agentEnv: options.agentEnv,
          model: options.model,
          baseURL: options.baseUrl,
          concurrency: options.concurrency,
          maxTurns: options.maxTurns,
          taskTimeoutMs: options.taskTimeout,
          pricesFile: options.prices,
          allowDirty: options.allowDirty,
          cache: options.cache,
          affectedSince: options.affected ? options.base : undefined,
          rerunConflicts: options.rerunConflicts,
          checkCommand: options.checkCommand,
          setupCommand: options.setup,
          assist: createFootprintAssist(options, io.env),
          policy: { ...(options.vague === 'share' ? { vague: 'share' as const } : {}), ...(options.guard !== undefined ? { guard: options.guard } : {}) },
          commandPolicy: { allow: options.allowCommand, deny: options.denyCommand, defaultDeny: options.defaultDeny },
          reporter: options.json ? {} : options.outputStyle === 'jsonl' ? jsonlReporter(io.stdout) : consoleReporter(io.stdout),
          env: io.env,
          signal,
        }));
        if (options.json) io.stdout(JSON.stringify(summary, null, 2));
        io.exitCode = interrupted ? EXIT.interrupted : runSucceeded(summary) ? EXIT.ok : EXIT.tasksFailed;
      },
    );
}
