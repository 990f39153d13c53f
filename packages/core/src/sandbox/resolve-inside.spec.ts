import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveInside } from './resolve-inside';

describe('resolveInside: an agent cannot leave its worktree', () => {
  let base: string;
  let worktree: string;
  let outside: string;

  beforeAll(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'codewaves-sandbox-')));
    worktree = join(base, 'worktree');
    outside = join(base, 'outside');
    mkdirSync(join(worktree, 'src'), { recursive: true });
    mkdirSync(join(worktree, '.git'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    writeFileSync(join(worktree, 'src', 'a.ts'), 'a');
    symlinkSync(outside, join(worktree, 'link-out'));
    symlinkSync(join(outside, 'secret.txt'), join(worktree, 'src', 'secret-link.ts'));
    symlinkSync(join(outside, 'not-there.txt'), join(worktree, 'dangling'));
    symlinkSync(join(worktree, 'src'), join(worktree, 'link-in'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const roots = () => ({ worktree });

  it('allows files inside, existing or new', () => {
    expect(resolveInside(roots(), 'src/a.ts', 'read')).toBe(join(worktree, 'src', 'a.ts'));
    expect(resolveInside(roots(), 'src/new/deep.ts', 'write')).toBe(join(worktree, 'src', 'new', 'deep.ts'));
    expect(resolveInside(roots(), './src/../src/a.ts', 'write')).toBe(join(worktree, 'src', 'a.ts'));
    expect(resolveInside(roots(), 'link-in/a.ts', 'read')).toBe(join(worktree, 'src', 'a.ts'));
  });

  it.each([
    ['../outside/secret.txt', 'outside the worktree'],
    ['src/../../outside/secret.txt', 'outside the worktree'],
    ['/etc/passwd', 'absolute path'],
    ['link-out/secret.txt', 'outside the worktree'],
    ['link-out/new-file.txt', 'outside the worktree'],
    ['src/secret-link.ts', 'outside the worktree'],
    ['dangling', 'dangling symbolic link'],
    ['.git/config', '.git folder'],
    ['src/../.git/hooks/pre-commit', '.git folder'],
    ['', 'empty path'],
  ])('refuses %j (%s)', (path, why) => {
    for (const mode of ['read', 'write'] as const) {
      expect(() => resolveInside(roots(), path, mode)).toThrow(why);
    }
  });

  it('allows reads, never writes, under a read-only root', () => {
    const withShared = { worktree, readOnly: [outside] };
    expect(resolveInside(withShared, 'link-out/secret.txt', 'read')).toBe(join(outside, 'secret.txt'));
    expect(() => resolveInside(withShared, 'link-out/secret.txt', 'write')).toThrow('outside the worktree');
  });
});
