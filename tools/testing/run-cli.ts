import { main } from '../../packages/core/src/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `codewaves` CLI in-process in `cwd`, capturing what it prints: exit codes and messages are the contract. */
export async function runCli(cwd: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'codewaves', ...args], { cwd, ...(env ? { env } : {}), stdout: (line) => out.push(line), stderr: (line) => err.push(line) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
