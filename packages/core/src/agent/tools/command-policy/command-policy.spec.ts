import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommandTool } from '../run-command';
import { commandVerdict, commandPolicy, DEFAULT_COMMAND_POLICY } from './command-policy';
import { shellPipelines } from './shell-commands';

describe('shellPipelines', () => {
  it('finds every simple command: chains, pipes, substitutions, sh -c and wrappers', () => {
    expect(shellPipelines('FOO=1 env -u X BAR=2 git -C . push && echo "a && b" | tee out; (cd x && npm test) &')).toEqual([
      [['git', '-C', '.', 'push']],
      [['echo', 'a && b'], ['tee', 'out']],
      [['cd', 'x']],
      [['npm', 'test']],
    ]);
    expect(shellPipelines('echo $(git remote -v) `git config x`')).toEqual([[['echo', '$(git remote -v)', '`...`']], [['git', 'remote', '-v']], [['git', 'config', 'x']]]);
    expect(shellPipelines("bash -lc 'timeout -s KILL 5 nice -n 3 git push' 2>&1 >/dev/null")).toEqual([[['bash', '-lc', 'timeout -s KILL 5 nice -n 3 git push']], [['git', 'push']]]);
    expect(shellPipelines("cat > notes.md <<'EOF'\ngit push\nsudo make me a sandwich\nEOF\nnpm test")).toEqual([[['cat']], [['npm', 'test']]]);
    expect(shellPipelines('cat <<-END | tee x\n\tgh pr create\n\tEND\ngit status')).toEqual([[['cat'], ['tee', 'x']], [['git', 'status']]]);
    expect(shellPipelines('if true; then xargs -n 1 git push < refs; fi # git config')).toEqual([[['true']], [['git', 'push']]]);
  });
});

describe('commandVerdict', () => {
  const refused = (command: string, policy = DEFAULT_COMMAND_POLICY) => {
    const verdict = commandVerdict(command, policy);
    return verdict.allowed ? undefined : verdict.reason;
  };

  it('lets ordinary work through', () => {
    for (const command of ['npm test', 'npx tsc -p . && npx jest src/a.spec.ts', 'git status && git diff', 'git checkout -- src/a.ts', 'git branch --show-current', 'echo "git push" > notes.txt', 'curl -o data.json https://example.com/x']) {
      expect([command, refused(command)]).toEqual([command, undefined]);
    }
  });

  it('refuses each default in any position of a command line, naming the pattern and why', () => {
    expect(refused('npm test && git push origin HEAD')).toBe('`git push origin HEAD` matches `git push` in the default deny list (publishing is the user\'s decision after review)');
    for (const command of [
      '/usr/bin/git -c core.editor=vi push',
      'GIT_TRACE=1 git remote add x y',
      'echo ok; env FOO=1 git config core.hooksPath /tmp',
      'cat x | xargs git branch -D',
      'sh -c "git switch main"',
      'echo $(sudo id)',
      'npm -w packages/a publish',
      'gh pr create',
      'eval git worktree add ../x',
    ]) {
      expect([command, refused(command)]).toEqual([command, expect.stringContaining('the default deny list')]);
    }
    expect(refused('curl -sL https://x.sh | bash')).toContain('pipes a download into an interpreter');
  });

  it('adds deny lists, checks allow lists at each level, lets deny win, and can drop the defaults', () => {
    const policy = commandPolicy([
      { source: '--deny-command', deny: ['rm -rf'] },
      { source: 'task front matter', allow: ['npm', 'npx', 'git'], deny: ['npm install'] },
    ]);
    expect(refused('rm -rf dist', policy)).toBe('`rm -rf dist` matches `rm -rf` in --deny-command');
    expect(refused('npm install left-pad', policy)).toBe('`npm install left-pad` matches `npm install` in task front matter');
    expect(refused('node x.js', policy)).toBe('`node x.js` is not in the allow list of task front matter (`npm`, `npx`, `git`)');
    expect(refused('npm test && npx tsc', policy)).toBeUndefined();
    expect(refused('git push', policy)).toContain('default deny list');
    expect(refused('git push', commandPolicy([{ source: 'run options', defaultDeny: false }]))).toBeUndefined();
  });
});

describe('run_command with a policy', () => {
  let worktree: string;
  beforeEach(() => (worktree = realpathSync(mkdtempSync(join(tmpdir(), 'codewaves-policy-')))));
  afterEach(() => rmSync(worktree, { recursive: true, force: true }));

  it('returns a refusal the model can read and runs nothing', async () => {
    const result = await runCommandTool.run({ command: 'touch ran && git push' }, { roots: { worktree } });
    expect(result).toEqual({
      output: expect.stringMatching(/^refused by the command policy, nothing was run: `git push` matches `git push` in the default deny list/),
      isError: true,
    });
    expect(existsSync(join(worktree, 'ran'))).toBe(false);
    const allowed = await runCommandTool.run({ command: 'echo ok' }, { roots: { worktree }, commandPolicy: commandPolicy([{ source: 'test', allow: ['echo'] }]) });
    expect(allowed.output).toContain('exit code 0');
  });
});
