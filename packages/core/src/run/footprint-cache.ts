import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeclarationCache, Footprint, ParsedDeclarations } from '../footprint';
import { execGit } from '../git';
import type { Task } from '../tasks';
import { STATE_FOLDER } from '../threads/thread-store';
import type { Project } from '../workspace';
import { ignoreStateFolder } from './prepare-run';

export const CACHE_FOLDER = `${STATE_FOLDER}/cache`;
/** Sprints kept: enough for a few branches and task sets, small enough to never matter on disk. */
const KEPT = 8;
/** Parsed source files kept: a large workspace's sprints parse a few hundred each. */
const KEPT_PARSED = 5000;
/** Past this much untracked content, digesting it costs more than predicting again: no cache. */
const MAX_UNTRACKED_BYTES = 32 * 1024 * 1024;

export type CacheOutcome = 'hit' | 'miss' | 'off';

/**
 * A sprint's footprints, kept under `.codewaves/cache/` by everything they were predicted from: the
 * engine's own code, the commit, every uncommitted change (tracked diffs and untracked files' bytes),
 * the tasks and the projects. So a second `plan` on the same state, the `run` after a `plan`, or a CI
 * gate after the Markdown summary reads them back instead of predicting again; any change to any of
 * those predicts afresh. A cache that cannot be read or written is a miss, never an error.
 */
export async function cachedFootprints(
  root: string,
  head: string,
  tasks: readonly Task[],
  projects: readonly Project[],
  predict: () => Promise<Map<string, Footprint>>,
): Promise<{ footprints: Map<string, Footprint>; cache: CacheOutcome }> {
  const key = await cacheKey(root, head, tasks, projects).catch(() => undefined);
  if (!key) return { footprints: await predict(), cache: 'off' };
  const file = join(root, CACHE_FOLDER, `footprints-${key}.json`);
  // The file's name is its key: what is read only has to be whole, with a footprint for every task.
  const cached = await readFile(file, 'utf8')
    .then((text) => new Map((JSON.parse(text) as { footprints: [string, Footprint][] }).footprints))
    .catch(() => undefined);
  if (cached && tasks.every((task) => cached.has(task.id))) return { footprints: cached, cache: 'hit' };
  const footprints = await predict();
  await writeAtomically(root, file, { footprints: [...footprints] })
    .then(() => keepLatestStates(join(root, CACHE_FOLDER)))
    .catch(() => undefined);
  return { footprints, cache: 'miss' };
}

async function cacheKey(root: string, head: string, tasks: readonly Task[], projects: readonly Project[]): Promise<string | undefined> {
  const hash = createHash('sha256').update(engineDigest()).update('\0').update(head).update('\0');
  // `git diff HEAD` holds staged and unstaged edits alike; untracked files are read as they are.
  const diff = await execGit(root, ['diff', 'HEAD', '--binary', '--no-ext-diff', '--no-textconv', '--no-color']);
  if (diff.exitCode !== 0) return undefined;
  hash.update(diff.stdout).update('\0');
  const untracked = await execGit(root, ['ls-files', '-z', '--others', '--exclude-standard']);
  if (untracked.exitCode !== 0) return undefined;
  let bytes = 0;
  for (const path of untracked.stdout.split('\0').filter(Boolean).sort()) {
    if (path.startsWith(`${STATE_FOLDER}/`)) continue;
    const content = await readFile(join(root, path)).catch(() => Buffer.alloc(0));
    bytes += content.length;
    if (bytes > MAX_UNTRACKED_BYTES) return undefined;
    hash.update(path).update('\0').update(content).update('\0');
  }
  const sorted = [...tasks].sort((a, b) => a.id.localeCompare(b.id));
  hash.update(JSON.stringify(sorted)).update('\0').update(JSON.stringify(projects));
  return hash.digest('hex').slice(0, 32);
}

async function writeAtomically(root: string, file: string, value: unknown): Promise<void> {
  await mkdir(join(root, CACHE_FOLDER), { recursive: true });
  await ignoreStateFolder(root);
  // Written aside and renamed: a plan killed mid-write leaves no half file to be read as a hit.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(value));
  await rename(partial, file);
}

/** The KEPT newest footprint files; older states go. */
async function keepLatestStates(folder: string): Promise<void> {
  const entries = await Promise.all(
    (await readdir(folder)).filter((name) => name.startsWith('footprints-')).map(async (name) => ({ name, mtime: (await stat(join(folder, name))).mtimeMs })),
  );
  for (const { name } of entries.sort((a, b) => b.mtime - a.mtime).slice(KEPT)) await unlink(join(folder, name)).catch(() => undefined);
}

/**
 * Source files parsed by earlier plans, by content hash, in `.codewaves/cache/declarations.json`:
 * when an edit changes the state, the next plan predicts afresh but parses only the files that
 * changed. Tied to the engine, like the footprints; `save` keeps those used last, first.
 */
export async function openDeclarationCache(root: string): Promise<DeclarationCache & { save(): Promise<void> }> {
  const file = join(root, CACHE_FOLDER, 'declarations.json');
  const stored = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as { engine?: string; files?: Record<string, ParsedDeclarations> })
    .catch(() => undefined);
  const known = new Map(stored?.engine === engineDigest() && stored.files && typeof stored.files === 'object' ? Object.entries(stored.files) : []);
  const used = new Map<string, ParsedDeclarations>();
  let added = false;
  return {
    get: (key) => known.get(key),
    set: (key, parsed) => {
      if (!known.has(key)) added = true;
      used.set(key, parsed);
    },
    async save() {
      if (!added) return;
      const files = Object.fromEntries([...used, ...[...known].filter(([key]) => !used.has(key))].slice(0, KEPT_PARSED));
      await writeAtomically(root, file, { engine: engineDigest(), files }).catch(() => undefined);
    },
  };
}

let engine: string | undefined;
/** The engine's own code: a new version, or a rebuilt one in development, predicts afresh. */
function engineDigest(): string {
  if (engine) return engine;
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(join(__dirname, '..'));
  engine = hash.digest('hex');
  return engine;
}
