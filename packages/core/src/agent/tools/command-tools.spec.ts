import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gitRepo, type GitFixture } from '../../../../../tools/testing/git-fixture';
import { commandEnvironment } from './command-env';
import { osSandboxAvailable } from './os-sandbox';
import { runCommandTool } from './run-command';
import { searchTool } from './search';
import { processEnds } from '../../../../../tools/testing/processes';

describe('run_command', () => {
  let worktree: string;
  beforeEach(() => {
    worktree = realpathSync(mkdtempSync(join(tmpdir(), 'codewaves-cmd-')));
    mkdirSync(join(worktree, 'src'));
  });
  afterEach(() => rmSync(worktree, { recursive: true, force: true }));
  const run = (args: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env) => runCommandTool.run(args, { roots: { worktree }, env });

  it('runs in the worktree (or a folder of it) and reports the exit code and output', async () => {
    const result = await run({ command: 'pwd; echo oops >&2; exit 3', cwd: 'src' });
    expect(result.isError).toBe(true);
    expect(result.output).toBe(`exit code 3\n--- stdout ---\n${join(worktree, 'src')}\n\n--- stderr ---\noops\n`);
  });

  // Only where bubblewrap can run (here it can once `apt-get install bubblewrap` is done; most CI
  // containers forbid namespaces): then the kernel enforces what the file tools check by path.
  (osSandboxAvailable() ? it : it.skip)('confines a command to the worktree with no network, under bubblewrap', async () => {
    const outside = join(tmpdir(), `codewaves-outside-${process.pid}`);
    const home = join(process.env.HOME ?? '/root', `.codewaves-escape-${process.pid}`);
    const result = await run({
      command: `echo inside > src/ok.txt; echo out > ${home}; echo $? ; echo tmp > ${outside}; echo private > "$TMPDIR/f" && cat "$TMPDIR/f"; node -e "require('http').get('http://registry.npmjs.org',()=>console.log('net ok')).on('error',e=>console.log('net', e.code))"`,
    });
    expect(readFileSync(join(worktree, 'src', 'ok.txt'), 'utf8')).toBe('inside\n');
    expect(existsSync(home)).toBe(false);
    expect(result.output).toContain('Read-only file system');
    // /tmp is read-only; the command's TMPDIR is a folder of its own
    expect(existsSync(outside)).toBe(false);
    expect(result.output).toContain('private\n');
    expect(result.output).toMatch(/net (EAI_AGAIN|ENOTFOUND|ENETUNREACH|ECONNREFUSED)/);
  });

  (osSandboxAvailable() ? it : it.skip)('lets a confined command read git in a linked worktree but not commit or write the repository', async () => {
    const repo = gitRepo({ 'a.txt': 'a\n' });
    const linked = join(realpathSync(mkdtempSync(join(tmpdir(), 'codewaves-linked-'))), 'wt');
    try {
      repo.git('worktree', 'add', '-q', '-b', 'task', linked);
      writeFileSync(join(linked, 'a.txt'), 'changed\n');
      const result = await runCommandTool.run(
        { command: 'git status --short && git diff --stat && git -c user.email=a@b -c user.name=a commit -qam x; echo "commit exit $?"' },
        { roots: { worktree: linked } },
      );
      expect(result.output).toContain(' M a.txt');
      expect(result.output).toContain('1 file changed');
      expect(result.output).toMatch(/commit exit [1-9]/);
      expect(repo.git('rev-parse', 'task')).toBe(repo.git('rev-parse', 'main'));
    } finally {
      repo.remove();
      rmSync(dirname(linked), { recursive: true, force: true });
    }
  });

  it('does not hand secrets to the command, unless allowed by name', async () => {
    const env = { PATH: process.env.PATH, OPENAI_API_KEY: 'sk-secret', GITHUB_TOKEN: 'ghp_secret', AWS_ACCESS_KEY_ID: 'AKIA', DB_PASSWORD: 'pw', MY_SETTING: 'visible', GIT_DIR: '/elsewhere' };
    const result = await run({ command: 'env' }, env);
    expect(result.output).toContain('MY_SETTING=visible');
    for (const secret of ['sk-secret', 'ghp_secret', 'AKIA', 'pw\n', 'GIT_DIR']) expect(result.output).not.toContain(secret);
    expect(commandEnvironment(env, ['GITHUB_TOKEN']).GITHUB_TOKEN).toBe('ghp_secret');
  });

  it('kills the whole process group on timeout: nothing the command started survives', async () => {
    const result = await run({ command: 'sleep 30 & echo $! > bg.pid; wait', timeoutSeconds: 1 });
    expect(result.output.startsWith('stopped after 1 s (timeout)')).toBe(true);
    const pid = Number(readFileSync(join(worktree, 'bg.pid'), 'utf8'));
    // SIGKILL follows SIGTERM after a grace period; either way the background sleep is gone soon
    expect(await processEnds(pid)).toBe(true);
  });

  it('refuses a working folder outside the worktree', async () => {
    await expect(run({ command: 'ls', cwd: '..' })).rejects.toThrow('outside the worktree');
  });

  it('caps the output', async () => {
    const result = await run({ command: 'head -c 200000 /dev/zero | tr "\\0" a' });
    expect(result.output).toContain('(output capped at 65536 bytes per stream)');
    expect(result.output.length).toBeLessThan(70_000);
  });
});

describe('search', () => {
  let repo: GitFixture;
  beforeAll(() => {
    repo = gitRepo({ '.gitignore': 'dist\n', 'src/a.ts': 'export function processPayment() {}\n', 'dist/a.js': 'function processPayment() {}\n' });
    writeFileSync(join(repo.root, 'src', 'new.ts'), 'processPayment();\n');
  });
  afterAll(() => repo.remove());

  it('finds text in tracked and new files and skips ignored ones', async () => {
    const result = await searchTool.run({ query: 'processPayment' }, { roots: { worktree: repo.root } });
    expect(result.output.split('\n').sort()).toEqual(['src/a.ts:1:export function processPayment() {}', 'src/new.ts:1:processPayment();']);
    expect(existsSync(join(repo.root, 'dist/a.js'))).toBe(true);
  });

  it('supports regular expressions and says when nothing matches', async () => {
    expect((await searchTool.run({ query: 'process[A-Z]\\w+\\(\\)', regex: true, path: 'src' }, { roots: { worktree: repo.root } })).output).toContain('src/a.ts:1:');
    expect((await searchTool.run({ query: 'nothing-like-this' }, { roots: { worktree: repo.root } })).output).toBe('no matches');
  });
});
