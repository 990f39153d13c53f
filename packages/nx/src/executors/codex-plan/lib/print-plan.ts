import type { ExecutorContext } from '@nx/devkit';
import { main } from '@codewaves/core/cli';
import type { CodexPlanExecutorOptions } from '../schema';

/**
 * The Nx target is the CLI's `plan` command with the projects Nx selected: one implementation of the
 * renderings and the CI gate, the same exit codes (0 ok, 2 bad input, 3 plan rejected).
 */
export async function printPlan(projects: ReadonlySet<string>, options: CodexPlanExecutorOptions, context: ExecutorContext): Promise<{ code: number; output: string }> {
  const args = ['node', 'codewaves', 'plan', '--cwd', context.root, '--project', ...[...projects].sort()];
  if (options.json || options.format) args.push('--format', options.json ? 'json' : options.format!);
  if (options.output) args.push('--output', options.output);
  if (options.hotspots) args.push('--hotspots', options.hotspots);
  if (options.vague) args.push('--vague', options.vague);
  if (options.guard !== undefined) args.push('--guard', String(options.guard));
  if (options.concurrency) args.push('--concurrency', String(options.concurrency));
  if (options.check) args.push('--check');
  if (options.maxWaves) args.push('--max-waves', String(options.maxWaves));
  if (options.maxFootprint) args.push('--max-footprint', String(options.maxFootprint));
  if (options.expect) args.push('--expect', options.expect);
  if (options.assist) args.push('--assist');
  if (options.assistModel) args.push('--assist-model', options.assistModel);
  if (options.cache === false) args.push('--no-cache');
  const lines: string[] = [];
  const code = await main(args, {
    cwd: context.root,
    stdout: (line) => {
      lines.push(line);
      console.log(line);
    },
    stderr: (line) => {
      lines.push(line);
      console.error(line);
    },
  });
  return { code, output: lines.join('\n') };
}
