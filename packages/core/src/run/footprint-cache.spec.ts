import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import type { Footprint } from '../footprint';
import { CACHE_FOLDER, cachedFootprints } from './footprint-cache';
import { planSprint } from './plan-sprint';

// A real repository: the cache must follow every change a prediction reads, and nothing else.
describe('footprint cache', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': '{"name":"a"}',
      'packages/a/src/users.ts': 'export function createUser() {}\n',
      'packages/a/src/orders.ts': 'export function placeOrder() {}\n',
      'packages/a/codex/users.md': '---\ntitle: Validate users\n---\nMake `createUser` validate its input.\n',
      'packages/a/codex/orders.md': '---\ntitle: Order totals\n---\nMake `placeOrder` return the total.\n',
    });
  });
  afterEach(() => repo.remove());

  const plan = (options: { cache?: boolean } = {}) => planSprint({ cwd: repo.root, ...options });
  const writes = (footprint: Footprint | undefined) => footprint?.writes.filter((entry) => entry.confidence >= 0.4).map((entry) => entry.path);

  it('a second plan on the same state reads the footprints back, and they are the ones predicted', async () => {
    const first = await plan();
    expect(first.footprintCache).toBe('miss');
    const second = await plan();
    expect(second.footprintCache).toBe('hit');
    expect(second.plan).toEqual(first.plan);
    expect(writes(second.footprints.get('users'))).toEqual(['packages/a/src/users.ts']);
  });

  it('a hit does not predict at all, and the footprints are what was kept', async () => {
    const head = repo.git('rev-parse', 'HEAD').trim();
    const { tasks, workspace } = await plan({ cache: false });
    let predictions = 0;
    const predict = async () => {
      predictions++;
      return new Map(tasks.map((task) => [task.id, { taskId: task.id, writes: [{ path: `${task.id}.marker`, confidence: 1, reasons: ['kept'] }], reads: [], fallback: false }]));
    };
    expect((await cachedFootprints(repo.root, head, tasks, workspace.projects, predict)).cache).toBe('miss');
    const again = await cachedFootprints(repo.root, head, tasks, workspace.projects, predict);
    expect(again.cache).toBe('hit');
    expect(predictions).toBe(1);
    expect(writes(again.footprints.get('orders'))).toEqual(['orders.marker']);
  });

  it('predicts afresh after an uncommitted edit, a new untracked file, a new commit or a changed task', async () => {
    await plan();
    repo.write({ 'packages/a/src/orders.ts': 'export function placeOrder() {}\nexport function createUser() {}\n' });
    expect((await plan()).footprintCache).toBe('miss');
    // The declaration the edit added is in the fresh prediction: a stale one would not have it.
    expect(writes((await plan()).footprints.get('users'))).toContain('packages/a/src/orders.ts');
    repo.write({ 'packages/a/src/notes.ts': 'export const note = 1;\n' });
    expect((await plan()).footprintCache).toBe('miss');
    repo.commit('more');
    expect((await plan()).footprintCache).toBe('miss');
    repo.write({ 'packages/a/codex/orders.md': '---\ntitle: Order totals\n---\nMake `placeOrder` return the total with tax.\n' });
    expect((await plan()).footprintCache).toBe('miss');
    expect((await plan()).footprintCache).toBe('hit');
  });

  it('an edit undone finds its state again, and only the last few states are kept', async () => {
    await plan();
    for (let i = 0; i < 10; i++) {
      repo.write({ 'packages/a/src/scratch.ts': `export const scratch = ${i};\n` });
      await plan();
    }
    expect(readdirSync(join(repo.root, CACHE_FOLDER)).filter((name) => name.startsWith('footprints-'))).toHaveLength(8);
    repo.write({ 'packages/a/src/scratch.ts': 'export const scratch = 5;\n' });
    expect((await plan()).footprintCache).toBe('hit');
    // The first state, before the scratch file, is one of the oldest: it was let go.
    repo.git('clean', '-fq', 'packages/a/src/scratch.ts');
    expect((await plan()).footprintCache).toBe('miss');
  });

  it('after an edit, only the files that changed are parsed again', async () => {
    await plan();
    const file = join(repo.root, CACHE_FOLDER, 'declarations.json');
    const kept = JSON.parse(readFileSync(file, 'utf8'));
    const users = createHash('sha1').update('export function createUser() {}\n').digest('hex');
    expect(kept.files[users].declarations).toEqual([['createUser', 'function', true]]);
    // Tampered, the kept parse says users.ts declares nothing: if it is read rather than parsed
    // again, the next prediction no longer finds createUser there.
    kept.files[users].declarations = [];
    writeFileSync(file, JSON.stringify(kept));
    repo.write({ 'packages/a/src/orders.ts': 'export function placeOrder() {}\n// edited\n' });
    const edited = await plan();
    expect(edited.footprintCache).toBe('miss');
    const reasons = edited.footprints.get('users')!.writes.find((entry) => entry.path === 'packages/a/src/users.ts')?.reasons ?? [];
    expect(reasons).not.toContain('declares function `createUser`');
    // The edited file was parsed afresh and kept beside the others.
    const orders = createHash('sha1').update('export function placeOrder() {}\n// edited\n').digest('hex');
    expect(JSON.parse(readFileSync(file, 'utf8')).files[orders].declarations).toEqual([['placeOrder', 'function', true]]);
  });

  it('parses kept by another version of the engine are not read', async () => {
    await plan();
    const file = join(repo.root, CACHE_FOLDER, 'declarations.json');
    const kept = JSON.parse(readFileSync(file, 'utf8'));
    for (const entry of Object.values(kept.files) as { declarations: unknown[] }[]) entry.declarations = [];
    writeFileSync(file, JSON.stringify({ ...kept, engine: 'another' }));
    repo.write({ 'packages/a/src/orders.ts': 'export function placeOrder() {}\n// edited\n' });
    const reasons = (await plan()).footprints.get('users')!.writes.find((entry) => entry.path === 'packages/a/src/users.ts')?.reasons;
    expect(reasons).toContain('declares function `createUser`');
  });

  it('a damaged cache file is a miss, and is replaced', async () => {
    await plan();
    const folder = join(repo.root, CACHE_FOLDER);
    for (const name of readdirSync(folder)) writeFileSync(join(folder, name), '{"key": "trunc');
    expect((await plan()).footprintCache).toBe('miss');
    expect((await plan()).footprintCache).toBe('hit');
  });

  it('keeps the user\'s checkout clean, and --no-cache writes nothing', async () => {
    const fresh = await plan({ cache: false });
    expect(fresh.footprintCache).toBe('off');
    expect(existsSync(join(repo.root, CACHE_FOLDER))).toBe(false);
    await plan();
    expect(existsSync(join(repo.root, CACHE_FOLDER))).toBe(true);
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});
