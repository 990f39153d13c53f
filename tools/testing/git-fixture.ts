import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Environment for git in tests: no user config, no signing, no background gc. */
export const GIT_TEST_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

export interface GitFixture {
  root: string;
  git(...args: string[]): string;
  write(files: Record<string, string>): void;
  commit(message?: string): string;
  remove(): void;
}

/** A real git repository in a temporary folder, with `files` committed on `main`. */
export function gitRepo(files: Record<string, string> = {}, options: { prefix?: string } = {}): GitFixture {
  const root = mkdtempSync(join(tmpdir(), options.prefix ?? 'codewaves-test-'));
  const env = { ...process.env, ...GIT_TEST_ENV };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'gc.auto', '0');
  git('config', 'commit.gpgsign', 'false');
  const write = (entries: Record<string, string>) => {
    for (const [path, content] of Object.entries(entries)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  };
  const commit = (message = 'commit') => {
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD').trim();
  };
  write(files);
  commit('initial');
  return { root, git, write, commit, remove: () => rmSync(root, { recursive: true, force: true }) };
}
