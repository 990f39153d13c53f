import { execFile } from 'node:child_process';

export interface GitOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs git and returns its outcome as a value: it never rejects on a non-zero exit, because for
 * merge-tree, rev-parse --verify and friends the exit code is the answer. simple-git hides those.
 */
export function execGit(cwd: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<GitOutcome> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, env: { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
          reject(error);
          return;
        }
        resolve({ exitCode: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** execGit for commands that must succeed: a failure becomes an Error with git's own words. */
export async function git(cwd: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const outcome = await execGit(cwd, args, options);
  if (outcome.exitCode !== 0) {
    throw new Error(`git ${args.join(' ')} failed (exit ${outcome.exitCode}) in ${cwd}: ${outcome.stderr.trim() || outcome.stdout.trim()}`);
  }
  return outcome.stdout;
}
