import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CodewavesError } from '../errors';

export type AccessMode = 'read' | 'write';

export interface SandboxRoots {
  /** The worktree: the only place an agent may write. */
  worktree: string;
  /** Extra folders an agent may read, such as the shared node_modules the worktree links to. */
  readOnly?: readonly string[];
}

/**
 * Turns a path an agent gave into a real absolute path inside its worktree, or refuses. It resolves
 * symlinks of the path (or of its nearest existing parent, for files being created), so `..`,
 * absolute paths, links that point out and the .git folder are all caught the same way.
 */
export function resolveInside(roots: SandboxRoots, requested: string, mode: AccessMode): string {
  if (typeof requested !== 'string' || requested.trim() === '') {
    throw escape(requested, 'an empty path', 'give a path relative to the workspace root, such as `src/index.ts`');
  }
  if (requested.includes('\0')) throw escape(requested, 'a NUL byte', 'give a plain relative path');
  if (isAbsolute(requested)) {
    throw escape(requested, 'an absolute path', 'give a path relative to the workspace root, such as `src/index.ts`');
  }
  const worktree = realpathSync(roots.worktree);
  const lexical = resolve(worktree, requested);
  const real = realpathOfNearest(lexical);
  if (real === undefined) throw escape(requested, 'a dangling symbolic link', 'write to a regular path inside the workspace');
  const relToWorktree = relative(worktree, real);
  const insideWorktree = relToWorktree === '' || (!relToWorktree.startsWith('..') && !isAbsolute(relToWorktree));

  if (insideWorktree) {
    const first = relToWorktree.split(sep)[0];
    if (first === '.git') throw escape(requested, 'the .git folder', 'the repository metadata is not part of the task; work on source files');
    return real;
  }
  if (mode === 'read') {
    for (const root of roots.readOnly ?? []) {
      if (!existsSync(root)) continue;
      const rel = relative(realpathSync(root), real);
      if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return real;
    }
  }
  throw escape(requested, 'a location outside the worktree', 'stay inside the workspace: use paths relative to its root, without `..`');
}

/** realpath of the path, or of its nearest existing parent plus the rest; undefined for a dangling link. */
function realpathOfNearest(path: string): string | undefined {
  let current = path;
  const rest: string[] = [];
  while (!existsSync(current)) {
    if (isSymlink(current)) return undefined;
    const parent = dirname(current);
    if (parent === current) break;
    rest.unshift(current.slice(parent.length + 1));
    current = parent;
  }
  return rest.length === 0 ? realpathSync(current) : join(realpathSync(current), ...rest);
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function escape(requested: unknown, what: string, hint: string): CodewavesError {
  return new CodewavesError('SANDBOX_ESCAPE', `refused path ${JSON.stringify(requested)}: it points to ${what}`, { hint });
}
