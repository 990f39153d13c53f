import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execGit, git } from '../git';
import { mergeJsonText } from './merge-json';
import { STRUCTURAL_MERGE_FILES, mergeTypeScriptText } from './merge-typescript';
import { isLockfile, regenerateLockfiles } from './regenerate-lockfiles';

/** A textual conflict codewaves resolved itself, and how. */
export interface ResolvedConflict {
  file: string;
  by: 'json' | 'typescript' | 'lockfile';
}

/** ", resolving conflicts in a.ts (typescript), package.json (json)", or nothing: for status lines. */
export function describeResolved(resolved: readonly ResolvedConflict[]): string {
  return resolved.length === 0 ? '' : `, resolving conflicts in ${resolved.map((r) => `${r.file} (${r.by})`).join(', ')}`;
}

/** Where a file conflicts, with both sides between git's markers, for the thread and the reviewer. */
export interface ConflictExcerpt {
  file: string;
  excerpt: string;
}

export type MergeResult =
  | { kind: 'merged'; commit: string; resolved: ResolvedConflict[] }
  | { kind: 'conflicted'; files: string[]; messages: string; excerpts: ConflictExcerpt[] };

/**
 * Merges `branchHead` into the integration ref without any working tree: `git merge-tree` computes
 * the merged tree, commit-tree records it, and update-ref moves the ref only if it still points
 * where we read it (compare-and-swap), so the ref is never half-merged even if we die mid-way.
 */
export async function mergeIntoIntegration(options: {
  root: string;
  integrationRef: string;
  branchHead: string;
  message: string;
  env?: NodeJS.ProcessEnv;
}): Promise<MergeResult> {
  const { root, integrationRef } = options;
  const current = (await git(root, ['rev-parse', '--verify', `${integrationRef}^{commit}`])).trim();
  const result = await execGit(root, ['merge-tree', '--write-tree', '--name-only', '--messages', '-z', current, options.branchHead]);
  const mergeBase = await execGit(root, ['merge-base', current, options.branchHead]);
  const base = mergeBase.exitCode === 0 ? mergeBase.stdout.trim() : undefined;
  let tree: string;
  let resolved: ResolvedConflict[] = [];
  if (result.exitCode === 1 && result.stdout) {
    // -z output: tree\0 conflicted paths\0 ... \0\0 messages
    const [conflictedTree, ...rest] = result.stdout.split('\0');
    const end = rest.indexOf('');
    const files = [...new Set(rest.slice(0, end < 0 ? rest.length : end).filter(Boolean))];
    const resolution = base === undefined ? undefined : await resolveConflicts(root, { base, ours: current, theirs: options.branchHead }, conflictedTree!.trim(), files);
    if (!resolution) {
      const excerpts = await conflictExcerpts(root, conflictedTree!.trim(), files, { ours: integrationRef, theirs: options.branchHead });
      return { kind: 'conflicted', files, messages: rest.slice(end + 1).join('\n').trim(), excerpts };
    }
    ({ tree, resolved } = resolution);
  } else if (result.exitCode !== 0) {
    throw new Error(`git merge-tree failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  } else tree = result.stdout.split('\0')[0]!.trim();
  const lockfiles = base === undefined ? [] : await lockfilesChangedOnBothSides(root, { base, ours: current, theirs: options.branchHead });
  if (lockfiles.length > 0) {
    const regenerated = await withRegeneratedLockfiles(root, tree, current, lockfiles, options.env);
    if (!regenerated) {
      const messages = `${lockfiles.join(', ')}: changed on both sides, and the package manager could not regenerate ${lockfiles.length === 1 ? 'it' : 'them'} from the merged package.json files`;
      return { kind: 'conflicted', files: lockfiles, messages, excerpts: [] };
    }
    tree = regenerated;
    resolved = [...resolved.filter((r) => !lockfiles.includes(r.file)), ...lockfiles.map((file) => ({ file, by: 'lockfile' as const }))];
  }
  const commit = (await git(root, ['commit-tree', tree, '-p', current, '-p', options.branchHead, '-m', options.message], { env: options.env })).trim();
  await git(root, ['update-ref', '-m', options.message, integrationRef, commit, current]);
  return { kind: 'merged', commit, resolved };
}

/**
 * When every conflicted file merges as data (JSON, see merge-json.ts) or structurally (TypeScript
 * and JavaScript, see merge-typescript.ts), the merged tree with those files replaced; otherwise
 * undefined and the conflict stands. Built in a scratch index, so no working tree or real index is
 * touched.
 */
async function resolveConflicts(
  root: string,
  { base, ours, theirs }: MergeSides,
  conflictedTree: string,
  files: readonly string[],
): Promise<{ tree: string; resolved: ResolvedConflict[] } | undefined> {
  if (files.length === 0 || !files.every((file) => isLockfile(file) || resolverFor(file))) return undefined;
  const show = async (commit: string, file: string) => {
    const out = await execGit(root, ['show', `${commit}:${file}`]);
    return out.exitCode === 0 ? out.stdout : undefined;
  };
  const index = join(tmpdir(), `codewaves-merge-${process.pid}-${Date.now()}.index`);
  const env = { ...process.env, GIT_INDEX_FILE: index };
  try {
    await git(root, ['read-tree', conflictedTree], { env });
    const resolved: ResolvedConflict[] = [];
    // Lockfiles are not merged but regenerated afterwards: see withRegeneratedLockfiles.
    for (const file of files.filter((name) => !isLockfile(name))) {
      const [b, o, t] = await Promise.all([show(base, file), show(ours, file), show(theirs, file)]);
      // Both sides deleting or one deleting what the other changed is not a merge of contents.
      if (o === undefined || t === undefined) return undefined;
      const resolver = resolverFor(file)!;
      const merged = resolver.merge(b, o, t, file);
      if (merged === undefined) return undefined;
      const mode = (await git(root, ['ls-tree', ours, '--', file])).split(' ')[0] || '100644';
      const blob = (await git(root, ['hash-object', '-w', '--stdin'], { input: merged })).trim();
      await git(root, ['update-index', '--cacheinfo', `${mode},${blob},${file}`], { env });
      resolved.push({ file, by: resolver.by });
    }
    return { tree: (await git(root, ['write-tree'], { env })).trim(), resolved };
  } finally {
    await rm(index, { force: true });
  }
}

/** The three commits of a merge: the merge base, the integration head, the task's branch. */
interface MergeSides {
  base: string;
  ours: string;
  theirs: string;
}

async function lockfilesChangedOnBothSides(root: string, { base, ours, theirs }: MergeSides): Promise<string[]> {
  const changed = async (side: string) => (await git(root, ['diff', '--name-only', '--no-renames', base, side])).split('\n').filter(isLockfile);
  // The task's own diff is small and rarely has a lockfile: the integration's is read only then.
  const yours = await changed(theirs);
  if (yours.length === 0) return [];
  return (await changed(ours)).filter((file) => yours.includes(file));
}

/**
 * The merged tree with each lockfile both sides changed rewritten by its package manager, starting
 * from ours' lockfile (git's text merge of it, conflicted or not, is discarded).
 */
async function withRegeneratedLockfiles(root: string, tree: string, ours: string, lockfiles: readonly string[], env?: NodeJS.ProcessEnv): Promise<string | undefined> {
  const index = join(tmpdir(), `codewaves-lockfiles-${process.pid}-${Date.now()}.index`);
  const indexEnv = { ...process.env, GIT_INDEX_FILE: index };
  try {
    await git(root, ['read-tree', tree], { env: indexEnv });
    for (const file of lockfiles) {
      const [mode, , blob] = (await git(root, ['ls-tree', ours, '--', file])).split(/\s+/);
      if (!mode || !blob) return undefined; // deleted on our side: nothing to update
      await git(root, ['update-index', '--cacheinfo', `${mode},${blob},${file}`], { env: indexEnv });
    }
    const withOurs = (await git(root, ['write-tree'], { env: indexEnv })).trim();
    const regenerated = await regenerateLockfiles(root, withOurs, lockfiles, env);
    if (!regenerated) return undefined;
    for (const [file, text] of regenerated) {
      const blob = (await git(root, ['hash-object', '-w', '--stdin'], { input: text })).trim();
      await git(root, ['update-index', '--cacheinfo', `100644,${blob},${file}`], { env: indexEnv });
    }
    return (await git(root, ['write-tree'], { env: indexEnv })).trim();
  } finally {
    await rm(index, { force: true });
  }
}

interface Resolver {
  by: ResolvedConflict['by'];
  /** base is undefined when both sides added the file. */
  merge(base: string | undefined, ours: string, theirs: string, file: string): string | undefined;
}

function resolverFor(file: string): Resolver | undefined {
  if (file.endsWith('.json')) return { by: 'json', merge: (base, ours, theirs) => (base === undefined ? undefined : mergeJsonText(base, ours, theirs)) };
  // A file both sides created has no base to tell additions from rewrites: left to a human.
  if (STRUCTURAL_MERGE_FILES.test(file)) return { by: 'typescript', merge: (base, ours, theirs, name) => (base === undefined ? undefined : mergeTypeScriptText(base, ours, theirs, name)) };
  return undefined;
}

const EXCERPT_FILES = 5;
const EXCERPT_LINES = 80;
const CONTEXT_LINES = 3;

/**
 * The conflict regions of each file as git wrote them into the conflicted tree (both sides between
 * the markers, with a few lines of context), the markers labelled with the two refs. Capped: the
 * thread keeps it, and `git merge` reproduces the whole conflict.
 */
async function conflictExcerpts(root: string, tree: string, files: readonly string[], labels: { ours: string; theirs: string }): Promise<ConflictExcerpt[]> {
  const excerpts: ConflictExcerpt[] = [];
  for (const file of files.slice(0, EXCERPT_FILES)) {
    const shown = await execGit(root, ['show', `${tree}:${file}`]);
    if (shown.exitCode !== 0) continue; // deleted on one side: no contents to show
    const lines = shown.stdout.split('\n');
    const keep = new Set<number>();
    let inside = false;
    lines.forEach((line, i) => {
      if (line.startsWith('<<<<<<< ')) inside = true;
      if (inside) for (let j = Math.max(0, i - CONTEXT_LINES); j <= Math.min(lines.length - 1, i + CONTEXT_LINES); j++) keep.add(j);
      if (line.startsWith('>>>>>>> ')) inside = false;
    });
    const picked: string[] = [];
    let previous = -2;
    for (const i of [...keep].sort((a, b) => a - b)) {
      if (i !== previous + 1 && picked.length > 0) picked.push('...');
      picked.push(lines[i]!.replace(/^(<<<<<<<|>>>>>>>) [0-9a-f]{40}$/, (_, marker: string) => `${marker} ${marker === '<<<<<<<' ? labels.ours : labels.theirs}`));
      previous = i;
    }
    if (picked.length === 0) continue;
    excerpts.push({ file, excerpt: (picked.length > EXCERPT_LINES ? [...picked.slice(0, EXCERPT_LINES), `... (${picked.length - EXCERPT_LINES} more lines)`] : picked).join('\n') });
  }
  return excerpts;
}
