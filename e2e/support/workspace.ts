import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { e2eEnv } from './env';
import { describeResult, run, type RunResult } from './run';

export interface TempWorkspace {
  root: string;
  /** Where codewaves puts its worktrees for this workspace's runs (CODEWAVES_WORKTREES). */
  worktrees: string;
  /** The environment every command gets; `extra` adds to it. */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** Any command, in the workspace root unless `cwd` says otherwise. */
  run(command: string, args: readonly string[], options?: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<RunResult>;
  /** `npx --no-install <args>`: the workspace's own binaries, exactly as a user runs them. */
  npx(args: readonly string[], options?: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<RunResult>;
  /**
   * `node_modules/.bin/<args[0]> <rest>`: the same binary npx would pick, without npm's start-up
   * (about a second each on 2 cores). Most calls use this; a few go through npx to prove that path.
   */
  bin(args: readonly string[], options?: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<RunResult>;
  /** git that must succeed; returns stdout. */
  git(...args: string[]): Promise<string>;
  /** git whose exit code is the answer. */
  tryGit(...args: string[]): Promise<RunResult>;
  write(files: Record<string, string>): void;
  read(path: string): string;
  /** `git add -A && git commit`; returns the new HEAD. */
  commit(message: string): Promise<string>;
  /** Every `codewaves/<run id>` integration branch (task branches, under codewaves/tasks/, left out). */
  integrationBranches(): Promise<string[]>;
  /** Every branch under codewaves/, task branches included. */
  codewavesBranches(): Promise<string[]>;
  remove(): void;
}

export interface CreateWorkspaceOptions {
  /** Folder name prefix under the OS temp folder. */
  prefix: string;
  /** The root package.json, without devDependencies. */
  packageJson?: Record<string, unknown>;
  devDependencies: Record<string, string>;
  /** Written before the first commit (a `.gitignore` here replaces the default `node_modules`). */
  files?: Record<string, string>;
}

/**
 * A temporary workspace as a user gets one: package.json, `npm install` from the registry (and the
 * packed tarballs), `git init -b main`, every file committed. One install per suite: this is the
 * slow part (about 10 s with a warm npm cache).
 */
export async function createWorkspace(options: CreateWorkspaceOptions): Promise<TempWorkspace> {
  const root = mkdtempSync(join(tmpdir(), options.prefix));
  const worktrees = mkdtempSync(join(tmpdir(), `${options.prefix}worktrees-`));
  const env = (extra: NodeJS.ProcessEnv = {}) => e2eEnv({ CODEWAVES_WORKTREES: worktrees, ...extra });
  const runIn = (command: string, args: readonly string[], runOptions: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}) =>
    run(command, args, { cwd: runOptions.cwd ?? root, env: runOptions.env ?? env(), timeoutMs: runOptions.timeoutMs });
  const tryGit = (...args: string[]) => runIn('git', args);
  const git = async (...args: string[]) => {
    const result = await tryGit(...args);
    if (result.code !== 0) throw new Error(describeResult(`git ${args.join(' ')}`, result));
    return result.stdout;
  };
  const write = (files: Record<string, string>) => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  };
  const refsUnder = async (prefix: string) =>
    (await git('for-each-ref', '--format=%(refname:short)', prefix)).split('\n').filter(Boolean).sort();

  const workspace: TempWorkspace = {
    root,
    worktrees,
    env,
    run: runIn,
    npx: (args, runOptions) => runIn('npx', ['--no-install', ...args], runOptions),
    bin: ([name, ...rest], runOptions) => runIn(join(root, 'node_modules', '.bin', name!), rest, runOptions),
    git,
    tryGit,
    write,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    async commit(message) {
      await git('add', '-A');
      await git('commit', '-q', '--allow-empty', '-m', message);
      return (await git('rev-parse', 'HEAD')).trim();
    },
    integrationBranches: async () => (await refsUnder('refs/heads/codewaves/')).filter((branch) => !branch.startsWith('codewaves/tasks/')),
    codewavesBranches: () => refsUnder('refs/heads/codewaves/'),
    remove() {
      if (process.env.CODEWAVES_E2E_KEEP) {
        console.log(`[e2e] kept ${root} and ${worktrees} (CODEWAVES_E2E_KEEP is set)`);
        return;
      }
      rmSync(root, { recursive: true, force: true });
      rmSync(worktrees, { recursive: true, force: true });
    },
  };

  try {
    write({
      'package.json': `${JSON.stringify({ name: 'e2e-workspace', version: '0.0.0', private: true, ...options.packageJson, devDependencies: options.devDependencies }, null, 2)}\n`,
      // node_modules is never committed, whatever the suite's own files say.
      '.gitignore': 'node_modules\n',
      ...options.files,
    });
    const install = await runIn('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { timeoutMs: 240_000 });
    if (install.code !== 0) throw new Error(describeResult('npm install', install));
    await git('init', '-q', '-b', 'main');
    await git('config', 'gc.auto', '0');
    await git('config', 'commit.gpgsign', 'false');
    await workspace.commit('initial workspace');
  } catch (error) {
    workspace.remove();
    throw error;
  }
  return workspace;
}
