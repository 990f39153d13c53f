import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitRepo, type GitFixture } from '../../../../../tools/testing/git-fixture';
import { applyPatchTool } from './apply-patch';
import { parsePatch } from './patch/parse-patch';

const patch = (...lines: string[]) => ['*** Begin Patch', ...lines, '*** End Patch'].join('\n');

describe('apply_patch', () => {
  let repo: GitFixture;
  let outside: string;
  beforeEach(() => {
    repo = gitRepo({
      'src/a.ts': 'import x from "x";\n\nexport function one() {\n  return 1;\n}\n\nexport function two() {\n  return 2;\n}\n',
      'src/b.ts': 'export const b = 1;\n',
      'docs/old.md': '# Old\n\ntext\n',
    });
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'codewaves-outside-')));
  });
  afterEach(() => {
    repo.remove();
    rmSync(outside, { recursive: true, force: true });
  });
  const apply = (text: string, args: Record<string, unknown> = { patch: text }) => applyPatchTool.run(args, { roots: { worktree: repo.root } });
  const read = (path: string) => readFileSync(join(repo.root, path), 'utf8');
  const unchanged = () => {
    expect(repo.git('status', '--porcelain')).toBe('');
  };

  it('adds, updates with several hunks, moves and deletes files in one call', async () => {
    const result = await apply(
      patch(
        '*** Add File: src/new/c.ts',
        '+export const c = 3;',
        '+',
        '*** Update File: src/a.ts',
        '@@',
        ' export function one() {',
        '-  return 1;',
        '+  return 11;',
        ' }',
        '@@ export function two() {',
        '-  return 2;',
        '+  return 22;',
        '*** Update File: docs/old.md',
        '*** Move to: docs/new.md',
        '@@',
        '-# Old',
        '+# New',
        '*** Delete File: src/b.ts',
      ),
    );
    expect(result.isError).toBeUndefined();
    expect(result.output).toBe('applied the patch:\nA src/new/c.ts\nM src/a.ts\nR docs/old.md -> docs/new.md\nD src/b.ts');
    expect(result.wrote).toEqual(['docs/new.md', 'docs/old.md', 'src/a.ts', 'src/b.ts', 'src/new/c.ts']);
    expect(read('src/new/c.ts')).toBe('export const c = 3;\n\n');
    expect(read('src/a.ts')).toBe('import x from "x";\n\nexport function one() {\n  return 11;\n}\n\nexport function two() {\n  return 22;\n}\n');
    expect(read('docs/new.md')).toBe('# New\n\ntext\n');
    expect(existsSync(join(repo.root, 'docs/old.md'))).toBe(false);
    expect(existsSync(join(repo.root, 'src/b.ts'))).toBe(false);
  });

  it('matches context that differs only in trailing or surrounding whitespace', async () => {
    writeFileSync(join(repo.root, 'src/b.ts'), 'const a = 1;   \n\tconst b = 2;\n');
    const result = await apply(patch('*** Update File: src/b.ts', ' const a = 1;', '-const b = 2;', '+const b = 3;'));
    expect(result.isError).toBeUndefined();
    expect(read('src/b.ts')).toBe('const a = 1;   \nconst b = 3;\n');
  });

  it('keeps CRLF line endings and anchors a hunk at the end of the file', async () => {
    writeFileSync(join(repo.root, 'src/b.ts'), 'x\r\ny\r\nx\r\n');
    await apply(patch('*** Update File: src/b.ts', '@@', '-x', '+z', '*** End of File'));
    expect(read('src/b.ts')).toBe('x\r\ny\r\nz\r\n');
  });

  it('refuses the whole patch when one hunk does not fit, naming the file and hunk and showing the nearest lines', async () => {
    const result = await apply(
      patch('*** Add File: src/c.ts', '+new', '*** Update File: src/a.ts', '@@', ' export function two() {', '-  return 3;', '+  return 33;', ' }'),
    );
    expect(result.isError).toBe(true);
    expect(result.output).toContain('src/a.ts: hunk 1 of 1 (patch line 5): its context and `-` lines were not found');
    expect(result.output).toContain('The nearest lines in the file (2 of 3 lines alike):');
    expect(result.output).toContain('    7|export function two() {');
    expect(result.output).toContain('The patch was not applied: no file was changed.');
    expect(existsSync(join(repo.root, 'src/c.ts'))).toBe(false);
    unchanged();
  });

  it('says which later hunk failed after earlier ones fitted', async () => {
    const result = await apply(patch('*** Update File: src/a.ts', '@@', '-  return 1;', '+  return 11;', '@@ export function three() {', '-  return 2;', '+  return 22;'));
    expect(result.output).toContain('hunk 2 of 2 (patch line 6): the `@@ export function three() {` line was not found after line 4');
    unchanged();
  });

  it('refuses to add an existing file, update a missing one or touch a file twice', async () => {
    expect((await apply(patch('*** Add File: src/b.ts', '+x'))).output).toContain('src/b.ts already exists: use `*** Update File: src/b.ts`');
    expect((await apply(patch('*** Update File: src/zz.ts', '-a', '+b'))).output).toContain('src/zz.ts does not exist: use `*** Add File: src/zz.ts`');
    expect((await apply(patch('*** Delete File: src/b.ts', '*** Update File: ./src/b.ts', '-a', '+b'))).output).toContain('touches this file twice');
    unchanged();
  });

  it('explains a malformed patch with the format', async () => {
    const result = await apply('*** Begin Patch\n*** Update File: src/a.ts\n-  return 1;\n?oops\n*** End Patch');
    expect(result.isError).toBe(true);
    expect(result.output).toContain('patch line 4: a hunk line starts with ` ` (context), `-` (remove) or `+` (add), got "?oops"');
    expect(result.output).toContain('*** Begin Patch');
    expect((await apply('no patch here')).output).toContain('the patch must start with `*** Begin Patch`');
    unchanged();
  });

  it('accepts the heredoc form and Codex\'s `input` argument name', async () => {
    const text = `apply_patch <<'EOF'\n${patch('*** Update File: src/b.ts', '-export const b = 1;', '+export const b = 2;')}\nEOF\n`;
    expect((await apply(text, { input: text })).isError).toBeUndefined();
    expect(read('src/b.ts')).toBe('export const b = 2;\n');
  });

  it.each([
    ['a path with ..', '*** Add File: ../escaped.ts', 'outside the worktree'],
    ['an absolute path', '*** Add File: /tmp/codewaves-escaped.ts', 'an absolute path'],
    ['the .git folder', '*** Add File: .git/config2', 'the .git folder'],
    ['a move out of the worktree', '*** Update File: src/b.ts\n*** Move to: ../moved.ts', 'outside the worktree'],
  ])('refuses %s and writes nothing', async (_name, header, reason) => {
    const result = await apply(patch('*** Add File: src/first.ts', '+written?', header, ...(header.includes('Add') ? ['+x'] : [])));
    expect(result.isError).toBe(true);
    expect(result.output).toContain(reason);
    expect(result.output).toContain('no file was changed');
    expect(existsSync(join(repo.root, 'src/first.ts'))).toBe(false);
    expect(existsSync('/tmp/codewaves-escaped.ts')).toBe(false);
    unchanged();
  });

  it('refuses .git/config and a symlink that points out of the worktree', async () => {
    const config = read('.git/config');
    expect((await apply(patch('*** Update File: .git/config', '+[core]'))).output).toContain('the .git folder');
    expect(read('.git/config')).toBe(config);
    writeFileSync(join(outside, 'target.ts'), 'secret\n');
    symlinkSync(join(outside, 'target.ts'), join(repo.root, 'src/link.ts'));
    mkdirSync(join(repo.root, 'lib'));
    symlinkSync(outside, join(repo.root, 'lib/out'));
    repo.commit('links');
    expect((await apply(patch('*** Update File: src/link.ts', '-secret', '+changed'))).output).toContain('outside the worktree');
    expect((await apply(patch('*** Add File: lib/out/new.ts', '+x'))).output).toContain('outside the worktree');
    expect((await apply(patch('*** Delete File: src/link.ts'))).output).toContain('outside the worktree');
    expect(readFileSync(join(outside, 'target.ts'), 'utf8')).toBe('secret\n');
    expect(existsSync(join(outside, 'new.ts'))).toBe(false);
    unchanged();
  });
});

describe('parsePatch', () => {
  it('reads hunks with anchors, blank separators and the end-of-file marker', () => {
    expect(parsePatch(patch('*** Update File: a.ts', '@@ class A', '@@ method()', ' keep', '-old', '+new', '', '@@', '+tail', '*** End of File'))).toEqual([
      {
        kind: 'update',
        path: 'a.ts',
        hunks: [
          { anchors: ['class A', 'method()'], before: ['keep', 'old'], after: ['keep', 'new'], context: [[0, 0]], atEnd: false, patchLine: 3 },
          { anchors: [], before: [], after: ['tail'], context: [], atEnd: true, patchLine: 9 },
        ],
      },
    ]);
  });

  it('names the line of an unknown operation', () => {
    expect(() => parsePatch(patch('*** Rename File: a.ts'))).toThrow('patch line 2: expected `*** Add File: <path>`');
  });
});
