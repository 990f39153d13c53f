#!/usr/bin/env node
// How fast is planning a sprint on a large workspace? Generates a ~10,000-file TypeScript monorepo
// with a few hundred commits of history and a sprint of task files, then measures side by side, each
// in a fresh process: codewaves planSprint (cold, then warm in the same process), the `codewaves plan
// --json` CLI, and the naive alternative (a ts-morph Project over every .ts file of the workspace).
//
//   npm run build && node tools/bench/footprint-speed.mjs [--files 10000] [--tasks 50] [--out bench-results/footprint-speed.json]
//
// Other options: --packages 40 --commits 400 --repeat 3 --seed 1 --budget-seconds 280, --keep (leave the generated repo in the temp
// folder), --cpu-prof (also write a CPU profile of the breakdown run next to --out).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO = resolve(dirname(SCRIPT), '..', '..');
const CORE = join(REPO, 'packages', 'core');
const DIST = join(CORE, 'dist');
const require = createRequire(join(CORE, 'package.json'));

const now = () => process.hrtime.bigint();
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const maxRssKb = () => process.resourceUsage().maxRSS;

// ---------------------------------------------------------------------------------------------
// Child processes: each measurement runs in its own `node` so that module loading, JIT and heap
// start from nothing. The child prints one JSON line; the parent only orchestrates.
// ---------------------------------------------------------------------------------------------

async function childCodewaves(repo) {
  const t0 = now();
  const core = require(join(DIST, 'index.js'));
  const importMs = msSince(t0);
  const t1 = now();
  // The disk cache is measured by the CLI rows: here every call predicts.
  const first = await core.planSprint({ cwd: repo, cache: false });
  const coldMs = msSince(t1);
  const t2 = now();
  await core.planSprint({ cwd: repo, cache: false });
  const warmMs = msSince(t2);
  return { importMs, coldMs, warmMs, tasks: first.tasks.length, waves: first.plan.waves.length, files: first.workspace.files.length, maxRssKb: maxRssKb() };
}

// Where planSprint's time goes, measured on the real planSprint: the engine is CommonJS and calls its
// own modules through their export objects (`(0, history_1.readHistory)(...)`), so replacing an
// export with a timed wrapper times every call, whatever the current code path is. Functions that
// no longer exist are simply not listed. Tiny hot helpers are left alone: timing them would cost
// more than they do.
const PHASES = {
  'git/exec-git.js': ['execGit'],
  'git/repository.js': ['findRepositoryRoot', 'headCommit', 'listWorkspaceFiles'],
  'workspace/detect-workspace.js': ['detectWorkspace'],
  'tasks/discover-tasks.js': ['loadTasks'],
  'tasks/validate-task-set.js': ['validateTaskSet'],
  'footprint/predict-footprints.js': '*',
  'footprint/load-footprint-context.js': '*',
  'footprint/predict-footprint.js': ['predictFootprint'],
  'footprint/sources': '*',
  'footprint/evidence': '*',
  'plan/build-plan.js': ['buildPlan'],
};
const HOT_HELPERS = new Set(['isTestFile', 'stemOf', 'words', 'splitIdentifier', 'kebabCase', 'owningProject']);

async function childPhases(repo) {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  const { readdirSync } = await import('node:fs');
  const core = require(join(DIST, 'index.js'));
  const stack = new AsyncLocalStorage();
  const stats = new Map();
  const wrap = (module, name) => {
    const original = module[name];
    if (typeof original !== 'function' || HOT_HELPERS.has(name) || /^[A-Z]/.test(name)) return;
    const timed = function (...args) {
      const label = name === 'execGit' ? `git ${args[1]?.[0]}` : name;
      const parent = stack.getStore() ?? { path: '', depth: 0 };
      const here = { path: `${parent.path}/${label}`, depth: parent.depth + 1 };
      const stat = stats.get(here.path) ?? { name: label, path: here.path, depth: here.depth, calls: 0, ms: 0 };
      stats.set(here.path, stat);
      stat.calls++;
      const start = now();
      const done = () => {
        stat.ms += msSince(start);
      };
      const result = stack.run(here, () => {
        try {
          return original.apply(this, args);
        } catch (error) {
          done();
          throw error;
        }
      });
      if (result && typeof result.then === 'function') return result.finally(done);
      done();
      return result;
    };
    try {
      module[name] = timed;
    } catch {
      // a getter-only re-export: the function is timed where it is defined, or not at all
    }
  };
  for (const [target, names] of Object.entries(PHASES)) {
    const path = join(DIST, target);
    if (!existsSync(path)) continue;
    const files = target.endsWith('.js') ? [path] : readdirSync(path).filter((file) => file.endsWith('.js')).map((file) => join(path, file));
    for (const file of files) {
      const module = require(file);
      for (const name of names === '*' ? Object.keys(module) : names) wrap(module, name);
    }
  }
  const snapshot = () => [...stats.values()].map((stat) => ({ ...stat, ms: round(stat.ms, 1) }));
  let start = now();
  await core.planSprint({ cwd: repo, cache: false });
  const coldMs = msSince(start);
  const cold = snapshot();
  stats.clear();
  start = now();
  const sprint = await core.planSprint({ cwd: repo, cache: false });
  const warmMs = msSince(start);
  const footprints = [...sprint.footprints.values()];
  const declaredNames = new Set(footprints.flatMap((footprint) => footprint.writes.flatMap((entry) => entry.reasons.map((reason) => /^declares \w+ `([^`]+)`/.exec(reason)?.[1]).filter(Boolean))));
  return {
    coldMs: round(coldMs, 1),
    warmMs: round(warmMs, 1),
    cold,
    warm: snapshot(),
    identifiersWithDeclarations: declaredNames.size,
    tasksWithDeclarationEvidence: footprints.filter((footprint) => footprint.writes.some((entry) => entry.reasons.some((reason) => reason.startsWith('declares ')))).length,
    fallbackTasks: footprints.filter((footprint) => footprint.fallback).length,
    notes: [...new Set(footprints.flatMap((footprint) => footprint.notes ?? []))],
    waves: sprint.plan.waves.length,
  };
}

// The fixed cost of ts-morph, loaded the way the engine loads it (a dynamic import from its dist).
async function childTsMorphImport() {
  const from = join(DIST, 'footprint', 'sources', 'declarations.js');
  const start = now();
  await import(createRequire(from).resolve('ts-morph'));
  return { ms: msSince(start) };
}

// The whole-program alternative: every .ts file in one ts-morph Project, then each file's exports
// (resolved through the type checker, so barrels and `export *` work) searched for the identifiers.
async function childNaive(repo, identifiersFile) {
  const wanted = new Set(JSON.parse(readFileSync(identifiersFile, 'utf8')));
  const t0 = now();
  const { Project } = require('ts-morph');
  const project = new Project({ tsConfigFilePath: join(repo, 'tsconfig.base.json'), skipAddingFilesFromTsConfig: true, skipLoadingLibFiles: true });
  project.addSourceFilesAtPaths([`${repo}/**/*.ts`, `!${repo}/**/node_modules/**`]);
  const loadMs = msSince(t0);
  const t1 = now();
  const found = new Map();
  const add = (name, file) => {
    if (!wanted.has(name)) return;
    const list = found.get(name) ?? new Set();
    list.add(file);
    found.set(name, list);
  };
  const sourceFiles = project.getSourceFiles();
  for (const sourceFile of sourceFiles) {
    const file = sourceFile.getFilePath();
    for (const [name, nodes] of sourceFile.getExportedDeclarations()) for (const node of nodes) add(name, node.getSourceFile().getFilePath());
    for (const cls of sourceFile.getClasses()) for (const method of cls.getMethods()) add(method.getName(), file);
    for (const iface of sourceFile.getInterfaces()) for (const member of iface.getProperties()) add(member.getName(), file);
  }
  const lookupMs = msSince(t1);
  return { ms: msSince(t0), loadMs, lookupMs, sourceFiles: sourceFiles.length, identifiers: wanted.size, resolved: found.size, maxRssKb: maxRssKb() };
}

// ---------------------------------------------------------------------------------------------
// The generated workspace.
// ---------------------------------------------------------------------------------------------

const PACKAGES = [
  ['payments', 'payment'], ['billing', 'billing-cycle'], ['invoices', 'invoice'], ['refunds', 'refund'], ['ledger', 'ledger-entry'],
  ['orders', 'order'], ['checkout', 'checkout-session'], ['cart', 'cart-item'], ['pricing', 'price-rule'], ['catalog', 'product'],
  ['inventory', 'stock-level'], ['shipping', 'shipment'], ['fulfillment', 'fulfillment-task'], ['returns', 'return-request'], ['customers', 'customer'],
  ['accounts', 'account'], ['auth', 'auth-token'], ['sessions', 'session'], ['identity', 'identity-provider'], ['permissions', 'permission'],
  ['notifications', 'notification'], ['emails', 'email-template'], ['messaging', 'message'], ['webhooks', 'webhook'], ['search', 'search-query'],
  ['recommendations', 'recommendation'], ['reviews', 'review'], ['analytics', 'metric-event'], ['reporting', 'report'], ['audit', 'audit-entry'],
  ['scheduling', 'schedule'], ['calendar', 'calendar-event'], ['documents', 'document'], ['storage', 'storage-object'], ['media', 'media-asset'],
  ['subscriptions', 'subscription'], ['loyalty', 'loyalty-point'], ['tax', 'tax-rate'], ['config', 'config-value'], ['logging', 'log-record'],
];
const NOUNS = (
  'address adjustment allocation approval attachment balance batch bundle card carrier channel charge claim comment contact contract coupon credit ' +
  'currency delivery discount dispute draft entitlement exchange-rate export-job fee feed filter forecast gateway grant import-job installment label ' +
  'limit line-item locale lock manifest merchant migration note offer parcel partner payout plan policy-rule preference promotion quota rate-limit ' +
  'receipt region reminder reservation retry-attempt role route rule segment settlement shelf sku slot snapshot statement tag template tenant ' +
  'threshold ticket tier transaction transfer upload usage-record vendor voucher warehouse wallet time-window workflow'
).split(' ');
const ATTRS = 'amount total status date currency limit reference priority score region balance quantity discount deadline owner timeout version locale threshold'.split(' ');
const ISSUES = ['rounding', 'overflow', 'timezone drift', 'null values', 'duplicate events', 'race condition', 'stale cache', 'empty lists', 'pagination', 'retries', 'precision loss', 'sort order', 'encoding'];
const ROLES = [
  ['service', 'services'], ['repository', 'repositories'], ['controller', 'api'], ['client', 'api'], ['validator', 'validation'], ['mapper', 'mappers'],
  ['formatter', 'utils'], ['utils', 'utils'], ['policy', 'domain'], ['events', 'domain'], ['store', 'state'], ['cache', 'state'], ['handler', 'handlers'],
];
const ROLE_DIR = Object.fromEntries(ROLES);
const BASE_PACKAGES = ['logging', 'config', 'audit', 'analytics'];

function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const shuffle = (list) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, pick, shuffle, chance: (p) => next() < p };
}

const pascal = (kebab) => kebab.split('-').map((part) => part[0].toUpperCase() + part.slice(1)).join('');
const upper = (kebab) => kebab.replace(/-/g, '_').toUpperCase();
const spaced = (kebab) => kebab.replace(/-/g, ' ');

/** The names a source file declares: chosen before any file is written, so imports and tasks can use them. */
function namesFor(role, noun, rng) {
  const N = pascal(noun);
  const [a1, a2, a3] = rng.shuffle(ATTRS).map(pascal);
  switch (role) {
    case 'model': return { types: [N, `${N}Status`], enums: [`${N}Kind`], consts: [`DEFAULT_${upper(noun)}_LIMIT`], functions: [`is${N}`, `create${N}Id`], attr: a1 };
    case 'service': return { classes: [`${N}Service`], methods: [`create${N}`, `find${N}ById`, `cancel${N}`, `refresh${N}${a1}`], interfaces: [`${N}ServiceOptions`], functions: [`process${N}`, `settle${N}${a2}`], attr: a1 };
    case 'repository': return { classes: [`${N}Repository`], methods: ['findById', 'save', 'remove', `findBy${a1}`], interfaces: [`${N}Record`], functions: [`create${N}Repository`, `to${N}Record`], attr: a1 };
    case 'controller': return { classes: [`${N}Controller`], methods: ['handleCreate', 'handleList', 'handleGet'], functions: [`register${N}Routes`, `parse${N}Request`], attr: a1 };
    case 'client': return { classes: [`${N}Client`], methods: ['get', 'list', `sync${N}s`], interfaces: [`${N}ClientConfig`], functions: [`fetch${N}`, `retry${N}Request`], attr: a1 };
    case 'validator': return { interfaces: [`${N}ValidationResult`], functions: [`validate${N}`, `assertValid${N}`, `is${N}${a1}Valid`], attr: a1 };
    case 'mapper': return { interfaces: [`${N}Dto`], functions: [`map${N}ToDto`, `map${N}FromDto`, `map${N}${a1}`], attr: a1 };
    case 'formatter': return { functions: [`format${N}${a1}`, `format${N}Summary`, `format${N}${a2}Label`], attr: a1 };
    case 'utils': return { consts: [`${upper(noun)}_${upper(a3.toLowerCase())}_PRECISION`], functions: [`compute${N}${a1}`, `round${N}${a2}`, `normalize${N}${a3}`], attr: a1 };
    case 'policy': return { classes: [`${N}Policy`], methods: ['canCreate', 'canApprove', 'canArchive'], functions: [`evaluate${N}Policy`, `canApprove${N}`], attr: a1 };
    case 'events': return { interfaces: [`${N}CreatedEvent`, `${N}UpdatedEvent`], consts: [`${upper(noun)}_EVENTS`], functions: [`emit${N}Created`, `on${N}Updated`], attr: a1 };
    case 'store': return { classes: [`${N}Store`], methods: ['select', 'update', 'reset'], interfaces: [`${N}State`], functions: [`select${N}${a1}`, `reset${N}State`], attr: a1 };
    case 'cache': return { classes: [`${N}Cache`], methods: ['get', 'set', 'invalidate'], functions: [`invalidate${N}Cache`, `warm${N}Cache`], attr: a1 };
    case 'handler': return { classes: [`${N}ExpiredHandler`], methods: ['handle'], functions: [`handle${N}Created`, `handle${N}Failed`], attr: a1 };
    default: throw new Error(role);
  }
}

// File sizes are close to real TypeScript code (~100 lines for a source, ~40 for a spec): parsing
// cost grows with the bytes, so toy files would flatter the whole-program approach.
function renderSource(file, rev) {
  const { noun, role, names } = file;
  const N = pascal(noun);
  const words = spaced(noun);
  const attr = names.attr.toLowerCase();
  const batch = `${upper(role)}_BATCH_SIZE`;
  const lines = [];
  if (role !== 'model') lines.push(`import type { ${N}, ${N}Status } from '../models/${noun}';`);
  for (const other of file.imports) lines.push(`import { ${other.name} } from '${other.from}';`);
  if (file.crossImport) lines.push(`import { ${file.crossImport.name} } from '@acme/${file.crossImport.pkg}';`);
  lines.push('', `/** How many ${words}s one call handles before it yields. */`, `const ${batch} = ${20 + ((rev * 7) % 80)};`, '');
  if (role === 'model') {
    lines.push(`/** Where a ${words} is in its life cycle. */`, `export type ${N}Status = 'draft' | 'active' | 'suspended' | 'archived';`, '');
    lines.push(`export enum ${N}Kind {`, `  Standard = 'standard',`, `  Priority = 'priority',`, `  Internal = 'internal',`, '}', '');
    lines.push(`/** A ${words} as stored and exchanged between services. */`, `export interface ${N} {`, '  id: string;', `  status: ${N}Status;`, `  kind: ${N}Kind;`, `  ${attr}: number;`, '  ownerId?: string;', '  tags: readonly string[];', '  metadata?: Record<string, string>;', '  createdAt: Date;', '  updatedAt: Date;', '}', '');
    lines.push(`export const ${names.consts[0]} = ${batch};`, '');
    lines.push(`/** True when \`value\` has the shape of a ${words}. */`, `export function ${names.functions[0]}(value: unknown): value is ${N} {`, `  if (typeof value !== 'object' || value === null) return false;`, '  const candidate = value as Partial<' + N + '>;', `  return typeof candidate.id === 'string' && typeof candidate.status === 'string' && typeof candidate.${attr} === 'number';`, '}', '');
    lines.push(`/** A new, unique ${words} id such as \`${noun.slice(0, 3)}_lx3k9_a81f\`. */`, `export function ${names.functions[1]}(prefix = '${noun.slice(0, 3)}'): string {`, `  return \`\${prefix}_\${Date.now().toString(36)}_\${Math.random().toString(36).slice(2, ${6 + (rev % 4)})}\`;`, '}');
    return `${lines.join('\n')}\n`;
  }
  for (const name of names.interfaces ?? []) {
    lines.push(`/** ${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}. */`, `export interface ${name} {`, `  ${attr}: number;`, `  status: ${N}Status;`, '  reason?: string;', '  tags: readonly string[];', '  requestedBy?: string;', '}', '');
  }
  for (const name of names.consts ?? []) lines.push(`export const ${name} = ${name.endsWith('_EVENTS') ? `['${noun}.created', '${noun}.updated', '${noun}.archived'] as const` : `${batch} % 7`};`, '');
  for (const name of names.classes ?? []) {
    lines.push(`/**`, ` * The ${role} of ${words}s: keeps the current ${words}s in memory and applies changes to them.`, ` * Not thread-safe; one instance per request scope.`, ' */', `export class ${name} {`, `  private readonly items = new Map<string, ${N}>();`, '  private calls = 0;', '');
    lines.push(`  constructor(private readonly options: { timeoutMs: number; retries: number } = { timeoutMs: ${1000 + rev * 250}, retries: 3 }) {}`, '');
    for (const method of names.methods ?? []) {
      lines.push(`  /** ${method.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} for one ${words}; undefined when it does not exist. */`);
      lines.push(`  async ${method}(id: string, patch: Partial<${N}> = {}): Promise<${N} | undefined> {`);
      lines.push('    this.calls++;', '    const current = this.items.get(id);', '    if (!current) return undefined;');
      lines.push(`    if (current.status === 'archived' && patch.status !== undefined) {`, `      throw new Error(\`${words} \${id} is archived\`);`, '    }');
      lines.push(`    const next: ${N} = { ...current, ...patch, updatedAt: new Date() };`, '    this.items.set(id, next);', '    return next;', '  }', '');
    }
    lines.push('  get size(): number {', '    return this.items.size;', '  }', '}', '');
  }
  for (const [index, name] of (names.functions ?? []).entries()) {
    lines.push('/**', ` * ${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}: the ${words}s in \`status\`, at most ${batch}, by ${attr}.`, ` * @param items the ${words}s to look at; not modified`, ' */');
    lines.push(`export function ${name}(items: readonly ${N}[], status: ${N}Status = 'active'): ${N}[] {`);
    lines.push('  if (items.length === 0) return [];', `  const selected: ${N}[] = [];`, '  for (const item of items) {', `    if (item.status !== status || item.${attr} < ${index}) continue;`, '    selected.push(item);', `    if (selected.length >= ${batch}) break;`, '  }');
    if (index === 0 && file.crossImport) lines.push(`  void ${file.crossImport.name};`);
    if (index === 0) for (const other of file.imports) lines.push(`  void ${other.name};`);
    lines.push(`  return selected.sort((a, b) => a.${attr} - b.${attr} || a.id.localeCompare(b.id));`, '}', '');
  }
  if (rev > 0) lines.push(`// ${rev} change${rev === 1 ? '' : 's'} since the first import`);
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderSpec(file, rev) {
  const source = file.source;
  const N = pascal(source.noun);
  const attr = source.names.attr.toLowerCase();
  const exported = [...(source.names.classes ?? []), ...(source.names.functions ?? [])];
  const base = source.path.slice(source.path.lastIndexOf('/') + 1).replace(/\.ts$/, '');
  const lines = [`import { ${exported.join(', ')} } from './${base}';`, `import type { ${N} } from '${source.role === 'model' ? `./${base}` : `../models/${source.noun}`}';`, ''];
  lines.push(`function make${N}(overrides: Partial<${N}> = {}): ${N} {`, '  return {', `    id: '${source.noun.slice(0, 3)}_1',`, `    status: 'active',`, `    kind: 'standard' as ${N}['kind'],`, `    ${attr}: 10,`, '    tags: [],', `    createdAt: new Date('2024-01-01T00:00:00Z'),`, `    updatedAt: new Date('2024-01-01T00:00:00Z'),`, '    ...overrides,', '  } as ' + N + ';', '}', '');
  lines.push(`describe('${base}', () => {`);
  for (const name of exported) {
    if (/^[A-Z]/.test(name)) {
      lines.push(`  it('${name} starts empty', () => {`, `    const subject = new ${name}();`, '    expect(subject.size).toBe(0);', '  });', '');
    } else {
      lines.push(`  it('${name} returns nothing for no input', () => {`, `    expect(${name}([] as never)).toEqual([]);`, '  });', '');
      lines.push(`  it('${name} keeps the order by ${attr}', () => {`, `    const items = [make${N}({ id: 'b', ${attr}: 20 }), make${N}({ id: 'a', ${attr}: 10 })];`, `    const result = ${name}(items as never) as unknown;`, '    expect(result).toBeDefined();', '  });', '');
    }
  }
  for (let i = 0; i < rev; i++) lines.push(`  it('regression ${i + 1}', () => {`, `    expect(make${N}({ ${attr}: ${i + 1} }).${attr}).toBe(${i + 1});`, '  });', '');
  return `${lines.join('\n').trimEnd()}\n});\n`;
}

/** Packages, their nouns and files, with every exported name known up front. */
function planWorkspace(options, rng) {
  const packages = [];
  for (let i = 0; i < options.packages; i++) {
    const [name, main] = PACKAGES[i % PACKAGES.length];
    packages.push({ name: i < PACKAGES.length ? name : `${name}-${Math.floor(i / PACKAGES.length) + 1}`, main, files: [], nouns: [], deps: [] });
  }
  const ROOT_FILES = 7;
  const EXTRAS = 7;
  const budget = Math.max(30, Math.floor((options.files - ROOT_FILES) / packages.length) - EXTRAS);
  const workspace = { packages, files: [], nounFiles: new Map() };

  for (const pkg of packages) {
    const nouns = [pkg.main, ...rng.shuffle(NOUNS)];
    let used = 0;
    for (const noun of nouns) {
      if (used >= budget) break;
      const roles = noun === pkg.main ? ROLES.map(([role]) => role) : rng.shuffle(ROLES.map(([role]) => role)).slice(0, 6 + rng.int(7));
      const group = [];
      const sources = [{ role: 'model', path: `packages/${pkg.name}/src/models/${noun}.ts` }, ...roles.map((role) => ({ role, path: `packages/${pkg.name}/src/${ROLE_DIR[role]}/${noun}-${role}.ts` }))];
      for (const entry of sources) {
        if (used >= budget) break;
        const source = { kind: 'source', pkg, noun, role: entry.role, path: entry.path, names: namesFor(entry.role, noun, rng), imports: [], rev: 0 };
        group.push(source);
        used++;
        if (used < budget) {
          group.push({ kind: 'spec', pkg, noun, role: entry.role, path: entry.path.replace(/\.ts$/, '.spec.ts'), source, rev: 0 });
          used++;
        }
      }
      if (group.length === 0) break;
      pkg.nouns.push(noun);
      pkg.files.push(...group);
      workspace.nounFiles.set(`${pkg.name}/${noun}`, group);
    }
    for (const noun of pkg.nouns.slice(0, 2)) pkg.files.push({ kind: 'fixture', pkg, noun, path: `packages/${pkg.name}/src/fixtures/${noun}.json`, rev: 0 });
  }

  // Dependencies point at lower-level packages (logging, config, ...) and a few neighbours, never in a cycle.
  packages.forEach((pkg, index) => {
    const base = packages.filter((other) => BASE_PACKAGES.includes(other.name) && other !== pkg && !BASE_PACKAGES.includes(pkg.name));
    const neighbours = packages.slice(Math.max(0, index - 6), index).filter((other) => !BASE_PACKAGES.includes(other.name));
    pkg.deps = [...new Set([...rng.shuffle(base).slice(0, 2), ...rng.shuffle(neighbours).slice(0, 2)])];
  });
  const exportedFunctions = (pkg) => pkg.files.filter((file) => file.kind === 'source' && ['utils', 'formatter', 'validator', 'model'].includes(file.role)).flatMap((file) => file.names.functions);
  const wiring = { service: ['repository', 'validator'], controller: ['service'], handler: ['events', 'service'], mapper: ['formatter'], store: ['cache'], client: ['mapper'], cache: ['repository'] };
  for (const pkg of packages) {
    for (const file of pkg.files) {
      if (file.kind !== 'source') continue;
      const group = workspace.nounFiles.get(`${pkg.name}/${file.noun}`);
      for (const role of wiring[file.role] ?? []) {
        const target = group.find((other) => other.kind === 'source' && other.role === role);
        if (target) file.imports.push({ name: (target.names.classes ?? target.names.functions)[0], from: `../${ROLE_DIR[role]}/${file.noun}-${role}` });
      }
      if (file.role !== 'model' && pkg.deps.length > 0 && rng.chance(0.3)) {
        const dep = rng.pick(pkg.deps);
        const candidates = exportedFunctions(dep);
        if (candidates.length > 0) file.crossImport = { pkg: dep.name, name: rng.pick(candidates) };
      }
    }
  }
  for (const pkg of packages) workspace.files.push(...pkg.files);
  return workspace;
}

function renderFile(file) {
  switch (file.kind) {
    case 'source': return renderSource(file, file.rev);
    case 'spec': return renderSpec(file, file.rev);
    case 'fixture': return `${JSON.stringify({ id: `${file.noun}_0001`, status: 'active', kind: 'standard', revision: file.rev, tags: ['seed', file.pkg.name] }, null, 2)}\n`;
    default: return file.render(file.rev);
  }
}

function packageExtras(pkg) {
  const dir = `packages/${pkg.name}`;
  const entries = pkg.files.filter((file) => file.kind === 'source').map((file) => `export * from './${file.path.slice(`${dir}/src/`.length).replace(/\.ts$/, '')}';`);
  return [
    { kind: 'extra', path: `${dir}/package.json`, rev: 0, render: (rev) => `${JSON.stringify({ name: `@acme/${pkg.name}`, version: `1.${rev}.0`, private: true, main: 'src/index.ts', dependencies: Object.fromEntries(pkg.deps.map((dep) => [`@acme/${dep.name}`, '*'])) }, null, 2)}\n` },
    { kind: 'extra', path: `${dir}/tsconfig.json`, rev: 0, render: () => `${JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src/**/*.ts'] }, null, 2)}\n` },
    { kind: 'extra', path: `${dir}/README.md`, rev: 0, render: (rev) => `# @acme/${pkg.name}\n\n${pascal(pkg.main)} handling for the Acme platform: ${pkg.nouns.slice(0, 5).map(spaced).join(', ')}.\n\nStart with \`${pascal(pkg.main)}Service\`.\n${'\nSee the changelog for recent changes.\n'.repeat(Math.min(rev, 1))}` },
    { kind: 'extra', path: `${dir}/CHANGELOG.md`, rev: 0, render: (rev) => `# Changelog\n\n${Array.from({ length: rev + 1 }, (_, i) => `## 1.${rev - i}.0\n\n- maintenance\n`).join('\n')}` },
    { kind: 'extra', path: `${dir}/src/index.ts`, rev: 0, render: () => `${entries.join('\n')}\n` },
  ];
}

function rootFiles(workspace) {
  const paths = Object.fromEntries(workspace.packages.map((pkg) => [`@acme/${pkg.name}`, [`packages/${pkg.name}/src/index.ts`]]));
  const files = {
    'package.json': `${JSON.stringify({ name: 'acme-platform', private: true, workspaces: ['packages/*'], scripts: { test: 'jest', build: 'tsc -b' } }, null, 2)}\n`,
    'tsconfig.base.json': `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, baseUrl: '.', paths } }, null, 2)}\n`,
    'README.md': '# Acme platform\n\nThe services behind the Acme store, one npm workspace per domain.\n',
    '.gitignore': 'node_modules\ndist\n',
    'docs/architecture.md': `# Architecture\n\n${workspace.packages.map((pkg) => `- \`@acme/${pkg.name}\`: ${spaced(pkg.main)}s`).join('\n')}\n`,
    'docs/contributing.md': '# Contributing\n\nUse conventional commits: `fix(scope): ...`, `feat(scope): ...`.\n',
    'jest.config.js': "module.exports = { testMatch: ['**/*.spec.ts'] };\n",
  };
  return Object.entries(files).map(([path, text]) => ({ kind: 'extra', path, rev: 0, render: () => text }));
}

/** Conventional commits that touch 1-4 related files of one package, as a team would write them. */
function planHistory(workspace, count, rng) {
  const weights = workspace.packages.map((_, index) => 1 / (1 + index * 0.2));
  const order = rng.shuffle(workspace.packages);
  const total = weights.reduce((a, b) => a + b, 0);
  const pickPackage = () => {
    let r = rng.next() * total;
    for (let i = 0; i < order.length; i++) if ((r -= weights[i]) <= 0) return order[i];
    return order[0];
  };
  const commits = [];
  for (let i = 0; i < count; i++) {
    const pkg = pickPackage();
    const noun = rng.chance(0.35) ? pkg.main : rng.pick(pkg.nouns);
    const group = workspace.nounFiles.get(`${pkg.name}/${noun}`);
    const source = (...roles) => roles.map((role) => group.find((file) => file.kind === 'source' && file.role === role)).filter(Boolean);
    const specOf = (file) => group.find((other) => other.kind === 'spec' && other.source === file);
    const extra = (name) => pkg.extraFiles.find((file) => file.path.endsWith(name));
    const attr = rng.pick(ATTRS);
    const words = spaced(noun);
    const roll = rng.next();
    let subject;
    let files;
    if (roll < 0.35) {
      const [target] = rng.shuffle(source('utils', 'formatter', 'validator', 'service', 'mapper', 'handler', 'cache', 'model'));
      const fn = target?.names.functions?.[0];
      subject = fn && rng.chance(0.25) ? `fix(${pkg.name}): ${fn} ${rng.pick(['drops', 'ignores', 'double-counts'])} the ${attr}` : `fix(${pkg.name}): handle ${words} ${attr} ${rng.pick(ISSUES)}`;
      files = [target, rng.chance(0.7) ? specOf(target) : undefined];
    } else if (roll < 0.6) {
      const targets = source('model', 'service', ...(rng.chance(0.5) ? ['controller'] : []));
      subject = `feat(${pkg.name}): ${rng.pick(['add', 'support', 'expose'])} ${words} ${attr} ${rng.pick(['filter', 'field', 'sorting', 'validation', 'endpoint', 'option'])}`;
      files = [...targets, specOf(targets[1])];
    } else if (roll < 0.72) {
      subject = `refactor(${pkg.name}): ${rng.pick(['extract', 'simplify', 'split'])} ${words} ${rng.pick(['mapping', 'formatting', 'helpers'])}`;
      files = source('mapper', 'formatter', ...(rng.chance(0.4) ? ['utils'] : []));
    } else if (roll < 0.82) {
      const targets = rng.shuffle(source('validator', 'service', 'utils', 'repository')).slice(0, 1 + rng.int(2));
      subject = `test(${pkg.name}): cover ${words} ${targets[0]?.role ?? 'model'} edge cases`;
      files = targets.map(specOf);
    } else if (roll < 0.88) {
      subject = `perf(${pkg.name}): cache ${words} lookups`;
      files = source('cache', 'store', 'repository').slice(0, 2);
    } else if (roll < 0.94) {
      subject = `docs(${pkg.name}): document ${words} ${attr} rules`;
      files = [extra('README.md'), rng.chance(0.5) ? extra('CHANGELOG.md') : undefined];
    } else {
      const bumped = rng.shuffle(workspace.packages).slice(0, 2 + rng.int(3));
      subject = `chore(deps): align ${bumped.map((other) => `@acme/${other.name}`).join(', ')} versions`;
      files = bumped.map((other) => other.extraFiles.find((file) => file.path.endsWith('/package.json')));
    }
    files = [...new Set(files.filter(Boolean))];
    if (files.length === 0) files = [group[0]];
    commits.push({ subject, files });
  }
  return commits;
}

/** A sprint: prompts that mention identifiers, paths, scopes, or only plain words, as people write them. */
function planTasks(workspace, count, rng) {
  const order = rng.shuffle(workspace.packages);
  const tasks = [];
  for (let i = 0; i < count; i++) {
    const pkg = order[i % order.length];
    const noun = i % 3 === 0 ? pkg.main : rng.pick(pkg.nouns);
    const group = workspace.nounFiles.get(`${pkg.name}/${noun}`);
    const byRole = (role) => group.find((file) => file.kind === 'source' && file.role === role);
    const any = (...roles) => roles.map(byRole).find(Boolean) ?? byRole('model');
    const words = spaced(noun);
    const attr = rng.pick(ATTRS);
    const N = pascal(noun);
    let title;
    let body;
    switch (i % 8) {
      case 0: {
        const target = any('service', 'utils', 'validator');
        const fn = target.names.functions[0];
        title = `fix(${pkg.name}): ${fn} ignores the ${attr} ${rng.pick(ISSUES)}`;
        body = `\`${fn}\` drops the ${attr} when the ${words} is ${rng.pick(['suspended', 'archived', 'a draft'])}. Keep it, and make \`${(target.names.classes ?? target.names.interfaces ?? [N])[0]}\` report the change.`;
        break;
      }
      case 1: {
        const target = any('formatter', 'utils', 'mapper');
        title = `Show the ${attr} in the ${words} summary`;
        body = `Update ${target.path} so the summary includes the ${attr}; ${words}s without one keep today's output.`;
        break;
      }
      case 2:
        title = `feat(${pkg.name}): support partial ${words} ${attr} updates`;
        body = `Operators need to change the ${attr} of a ${words} after it was created. Allow partial updates and record who changed it.`;
        break;
      case 3:
        title = `${N.replace(/([a-z])([A-Z])/g, '$1 $2')} ${attr} is wrong after a retry`;
        body = `When a ${words} is retried the ${attr} is counted twice. It should be counted once, whatever the number of retries.`;
        break;
      case 4: {
        const dep = pkg.deps.length > 0 ? rng.pick(pkg.deps) : pkg;
        const depFn = dep.files.find((file) => file.kind === 'source' && file.role === 'utils')?.names.functions[0] ?? dep.files.find((file) => file.kind === 'source').names.functions[0];
        const target = any('mapper', 'service', 'formatter');
        title = `refactor(${pkg.name}): use ${depFn} from @acme/${dep.name}`;
        body = `\`${target.names.functions[0]}\` has its own copy of \`${depFn}\`. Call the one from @acme/${dep.name} and delete the duplicate.`;
        break;
      }
      case 5: {
        const target = any('validator', 'utils', 'service');
        title = `test(${pkg.name}): cover ${target.names.functions[0]} edge cases`;
        body = `Add cases for an empty ${attr} and unknown ${words} kinds to the ${target.role} spec.`;
        break;
      }
      case 6: {
        const target = any('cache', 'store', 'policy', 'client', 'service');
        const name = (target.names.classes ?? target.names.functions)[0];
        title = `feat(${pkg.name}): export ${name} from the public API`;
        body = `Other packages need \`${name}\`; re-export it from the package entry point and document it in the README.`;
        break;
      }
      default: {
        const target = any('repository', 'service', 'client');
        const cls = (target.names.classes ?? target.names.functions)[0];
        const method = target.names.methods?.at(-1) ?? target.names.functions.at(-1);
        title = `perf(${pkg.name}): cache ${cls}.${method} results`;
        body = `\`${method}\` on \`${cls}\` reads the store on every call, even for the same ${words}. Cache the result for a minute per ${attr}.`;
      }
    }
    const id = `${pkg.name}-${String(i + 1).padStart(3, '0')}`;
    const dependsOn = i % 17 === 16 ? [tasks[i - 1].id] : [];
    tasks.push({ id, pkg, title, body, dependsOn, path: `packages/${pkg.name}/codex/${id}.md` });
  }
  return tasks;
}

function taskText(task) {
  return `---\ntitle: ${JSON.stringify(task.title)}\n${task.dependsOn.length > 0 ? `dependsOn: [${task.dependsOn.join(', ')}]\n` : ''}---\n\n${task.body}\n`;
}

function git(cwd, args, input) {
  const result = spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd,
    input,
    // fast-import frees every inline blob; glibc then gives the heap back and grows it again (tens of
    // thousands of brk calls, 20 s instead of 1.5 s on some VMs). A large trim threshold stops that.
    env: { ...process.env, MALLOC_TRIM_THRESHOLD_: String(256 * 1024 * 1024), MALLOC_TOP_PAD_: String(64 * 1024 * 1024) },
    encoding: input === undefined ? 'utf8' : undefined,
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`git ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

/** The whole history goes through one `git fast-import`: hundreds of `git commit`s would cost more than the benchmark. */
function generate(dir, options) {
  const rng = random(options.seed);
  const workspace = planWorkspace(options, rng);
  for (const pkg of workspace.packages) {
    pkg.extraFiles = packageExtras(pkg);
    workspace.files.push(...pkg.extraFiles);
  }
  workspace.files.push(...rootFiles(workspace));
  const history = planHistory(workspace, options.commits, rng);
  const tasks = planTasks(workspace, options.tasks, rng);

  const chunks = [];
  let clock = Date.UTC(2024, 0, 8, 9) / 1000;
  const commit = (subject, entries) => {
    clock += 1800 + Math.floor(rng.next() * 20000);
    const who = `${rng.pick(['Ana Lopez', 'Ben Okafor', 'Chen Wei', 'Dara Singh', 'Eli Novak', 'Femi Adeyemi'])} <dev${rng.int(6)}@acme.test> ${clock} +0000`;
    chunks.push(`commit refs/heads/main\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(subject)}\n${subject}\n`);
    for (const { path, text } of entries) chunks.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  };
  commit('chore: import the acme platform', workspace.files.map((file) => ({ path: file.path, text: renderFile(file) })));
  for (const { subject, files } of history) {
    for (const file of files) file.rev++;
    commit(subject, files.map((file) => ({ path: file.path, text: renderFile(file) })));
  }
  commit(`chore: plan the sprint (${tasks.length} tasks)`, tasks.map((task) => ({ path: task.path, text: taskText(task) })));

  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['fast-import', '--quiet'], Buffer.from(chunks.join('')));
  git(dir, ['reset', '-q', '--hard', 'main']);
  return { workspace, tasks, history, fileCount: workspace.files.length + tasks.length };
}

// ---------------------------------------------------------------------------------------------
// The parent: generate, measure, report.
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const key = (arg) => arg.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  const options = { files: 10000, tasks: 50, packages: 40, commits: 400, repeat: 3, seed: 1, out: 'bench-results/footprint-speed.json', keep: false, cpuProf: false, budgetSeconds: 280 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') options.keep = true;
    else if (arg === '--cpu-prof') options.cpuProf = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node tools/bench/footprint-speed.mjs [--files 10000] [--tasks 50] [--packages 40] [--commits 400] [--repeat 3] [--seed 1] [--budget-seconds 280] [--out bench-results/footprint-speed.json] [--keep] [--cpu-prof]');
      process.exit(0);
    } else if (arg.startsWith('--') && key(arg) in options && typeof options[key(arg)] !== 'boolean') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      options[key(arg)] = arg === '--out' ? value : Number(value);
      if (arg !== '--out' && !(Number.isInteger(options[key(arg)]) && options[key(arg)] > 0)) throw new Error(`${arg} must be a positive integer`);
    } else throw new Error(`unknown option ${arg} (try --help)`);
  }
  return options;
}

/** Runs one measurement in a fresh process; `rss` reads the child's peak RSS from a preload hook. */
function runProcess(args, { cwd, preload }) {
  return new Promise((resolvePromise, reject) => {
    const start = now();
    const child = spawn(process.execPath, [...(preload ? ['--require', preload] : []), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = msSince(start);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) {
        reject(new Error(`${args.join(' ')} exited with ${code}\n${stderr.slice(-4000)}`));
        return;
      }
      const rss = /__BENCH_MAXRSS_KB__=(\d+)/.exec(stderr);
      resolvePromise({ wallMs, stdout, stderr, maxRssKb: rss ? Number(rss[1]) : undefined });
    });
  });
}

async function runChild(mode, args, cwd) {
  const { stdout, wallMs } = await runProcess([SCRIPT, '--child', mode, ...args], { cwd });
  const line = stdout.trim().split('\n').at(-1);
  return { ...JSON.parse(line), processMs: wallMs };
}

const median = (values) => {
  const sorted = values.filter((value) => typeof value === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 0) => (value === undefined ? undefined : Math.round(value * 10 ** digits) / 10 ** digits);
const mb = (kb) => (kb === undefined ? undefined : round(kb / 1024, 1));

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(DIST, 'index.js'))) {
    console.error('build first: npm run build');
    process.exit(2);
  }
  const core = require(join(DIST, 'index.js'));
  const work = mkdtempSync(join(tmpdir(), 'codewaves-footprint-speed-'));
  const repo = join(work, 'repo');
  mkdirSync(repo);
  const cleanup = () => {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const started = now();
  const loadBefore = loadavg()[0];
  const log = (text) => process.stderr.write(`${text}\n`);
  try {
    const genStart = now();
    const generated = generate(repo, options);
    const tracked = git(repo, ['ls-files']).split('\n').filter(Boolean).length;
    const generateMs = msSince(genStart);
    log(`generated ${tracked} files in ${options.packages} packages, ${options.commits} history commits and ${generated.tasks.length} tasks in ${Math.round(generateMs)} ms: ${repo}`);

    // The naive run is asked for the same identifiers the engine reads from the prompts.
    const identifiers = [...new Set(generated.tasks.flatMap((task) => core.readPrompt(`${task.title}\n${task.body}`).identifiers))].filter((name) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name));
    const identifiersFile = join(work, 'identifiers.json');
    writeFileSync(identifiersFile, JSON.stringify(identifiers));
    // Peak RSS of the CLI without /usr/bin/time: a preload hook prints it as the process exits.
    const preload = join(work, 'maxrss.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\n__BENCH_MAXRSS_KB__=${process.resourceUsage().maxRSS}\\n`));\n");

    // Interleaved, so that a busy moment on the machine does not land on one contender only.
    const runs = { codewaves: [], cli: [], cached: [], naive: [] };
    for (let r = 1; r <= options.repeat; r++) {
      // A busy machine can make three rounds overrun the time the benchmark promises: stop early, say so.
      const elapsed = msSince(started) / 1000;
      if (r > 1 && elapsed + (elapsed - generateMs / 1000) / (r - 1) * 1.3 > options.budgetSeconds) {
        log(`stopping after ${r - 1} of ${options.repeat} rounds: the next would pass --budget-seconds ${options.budgetSeconds}`);
        break;
      }
      const cw = await runChild('codewaves', [repo], repo);
      runs.codewaves.push(cw);
      log(`run ${r}/${options.repeat}: codewaves cold ${Math.round(cw.coldMs)} ms, warm ${Math.round(cw.warmMs)} ms, ${mb(cw.maxRssKb)} MB`);
      const cli = await runProcess([join(CORE, 'bin', 'codewaves.js'), 'plan', '--json', '--no-cache', '--cwd', repo], { cwd: repo, preload });
      runs.cli.push({ ms: cli.wallMs, maxRssKb: cli.maxRssKb, waves: JSON.parse(cli.stdout).waves.length });
      log(`run ${r}/${options.repeat}: CLI plan --json ${Math.round(cli.wallMs)} ms, ${mb(cli.maxRssKb)} MB`);
      // A first plan that keeps its footprints, then the second plan on the same state, which reads them.
      rmSync(join(repo, '.codewaves', 'cache'), { recursive: true, force: true });
      const keeping = await runProcess([join(CORE, 'bin', 'codewaves.js'), 'plan', '--json', '--cwd', repo], { cwd: repo, preload });
      const cached = await runProcess([join(CORE, 'bin', 'codewaves.js'), 'plan', '--json', '--cwd', repo], { cwd: repo, preload });
      const same = JSON.stringify(JSON.parse(cached.stdout).waves) === JSON.stringify(JSON.parse(cli.stdout).waves);
      // An edit changes the state, so the sprint is predicted again, but only the edited file is parsed again.
      const edited = join(repo, spawnSync('git', ['ls-files', '*.ts'], { cwd: repo, encoding: 'utf8' }).stdout.split('\n')[0]);
      const original = readFileSync(edited, 'utf8');
      writeFileSync(edited, `${original}// edited\n`);
      const afterEdit = await runProcess([join(CORE, 'bin', 'codewaves.js'), 'plan', '--json', '--cwd', repo], { cwd: repo, preload });
      writeFileSync(edited, original);
      runs.cached.push({ firstMs: keeping.wallMs, ms: cached.wallMs, maxRssKb: cached.maxRssKb, samePlan: same, afterEditMs: afterEdit.wallMs });
      log(`run ${r}/${options.repeat}: CLI plan --json, first keeping the cache ${Math.round(keeping.wallMs)} ms, second reading it ${Math.round(cached.wallMs)} ms${same ? '' : ' (A DIFFERENT PLAN)'}, after a one-line edit ${Math.round(afterEdit.wallMs)} ms`);
      const naive = await runChild('naive', [repo, identifiersFile], repo);
      runs.naive.push(naive);
      log(`run ${r}/${options.repeat}: naive ts-morph ${Math.round(naive.ms)} ms (load ${Math.round(naive.loadMs)}, lookup ${Math.round(naive.lookupMs)}), ${mb(naive.maxRssKb)} MB`);
    }
    const tsMorphImport = await runChild('tsmorph-import', [], repo);
    mkdirSync(dirname(resolve(options.out)), { recursive: true });
    const phases = await runProcess([...(options.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', resolve(dirname(options.out))] : []), SCRIPT, '--child', 'phases', repo], { cwd: repo }).then((run) => JSON.parse(run.stdout.trim().split('\n').at(-1)));

    const codewaves = {
      coldMs: round(median(runs.codewaves.map((run) => run.coldMs))),
      warmMs: round(median(runs.codewaves.map((run) => run.warmMs))),
      cliMs: round(median(runs.cli.map((run) => run.ms))),
      peakRssMb: mb(median(runs.codewaves.map((run) => run.maxRssKb))),
      importMs: round(median(runs.codewaves.map((run) => run.importMs))),
      cliPeakRssMb: mb(median(runs.cli.map((run) => run.maxRssKb))),
      cliKeepingCacheMs: round(median(runs.cached.map((run) => run.firstMs))),
      cliCachedMs: round(median(runs.cached.map((run) => run.ms))),
      cliCachedPeakRssMb: mb(median(runs.cached.map((run) => run.maxRssKb))),
      cliAfterEditMs: round(median(runs.cached.map((run) => run.afterEditMs))),
      cachedPlanSame: runs.cached.every((run) => run.samePlan),
      waves: runs.codewaves[0].waves,
    };
    const naiveTsMorph = {
      ms: round(median(runs.naive.map((run) => run.ms))),
      peakRssMb: mb(median(runs.naive.map((run) => run.maxRssKb))),
      loadMs: round(median(runs.naive.map((run) => run.loadMs))),
      lookupMs: round(median(runs.naive.map((run) => run.lookupMs))),
      sourceFiles: runs.naive[0].sourceFiles,
      identifiersResolved: runs.naive[0].resolved,
    };
    const result = {
      files: tracked,
      tasks: generated.tasks.length,
      codewaves,
      naiveTsMorph,
      ratio: round(naiveTsMorph.ms / codewaves.coldMs, 1),
      rssRatio: round(naiveTsMorph.peakRssMb / codewaves.peakRssMb, 1),
      cachedRatio: round(codewaves.cliMs / codewaves.cliCachedMs, 1),
      identifiers: { inPrompts: identifiers.length, withDeclarationEvidence: phases.identifiersWithDeclarations, resolvedByNaive: naiveTsMorph.identifiersResolved },
      breakdown: { ...phases, tsMorphImportMs: round(tsMorphImport.ms) },
      setup: { packages: options.packages, historyCommits: options.commits, repeat: options.repeat, rounds: runs.codewaves.length, seed: options.seed, generateMs: round(generateMs) },
      machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: round(totalmem() / 1024 ** 3, 1), platform: `${process.platform}-${process.arch}`, loadAverage: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) } },
      engine: { commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).stdout.trim(), uncommittedChanges: spawnSync('git', ['status', '--porcelain', '--', 'packages/core/src'], { cwd: REPO, encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length },
      runs,
      date: new Date().toISOString(),
    };

    const out = resolve(options.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);

    const fmt = (value) => (value === undefined ? 'n/a' : value.toLocaleString('en-US'));
    const print = (line = '') => console.log(line);
    print(`## Footprint speed: ${fmt(result.files)} files, ${result.tasks} tasks, ${options.packages} packages, ${options.commits} commits (median of ${runs.codewaves.length}${runs.codewaves.length < options.repeat ? ` of the ${options.repeat} asked: time budget` : ''})`);
    print();
    print('| | wall ms | peak RSS MB |');
    print('|---|---:|---:|');
    print(`| codewaves \`planSprint\`, cold (fresh process; its ${fmt(codewaves.importMs)} ms module import not included) | ${fmt(codewaves.coldMs)} | ${fmt(codewaves.peakRssMb)} |`);
    print(`| codewaves \`planSprint\`, warm (second call, same process) | ${fmt(codewaves.warmMs)} | same process |`);
    print(`| codewaves CLI \`plan --json --no-cache\` (whole process) | ${fmt(codewaves.cliMs)} | ${fmt(codewaves.cliPeakRssMb)} |`);
    print(`| codewaves CLI \`plan --json\`, first (keeps the footprints in .codewaves/cache/) | ${fmt(codewaves.cliKeepingCacheMs)} | |`);
    print(`| codewaves CLI \`plan --json\`, second on the same state (reads them${codewaves.cachedPlanSame ? ', same plan' : ', A DIFFERENT PLAN'}) | ${fmt(codewaves.cliCachedMs)} | ${fmt(codewaves.cliCachedPeakRssMb)} |`);
    print(`| codewaves CLI \`plan --json\`, after a one-line edit (predicts again, parses only the edited file) | ${fmt(codewaves.cliAfterEditMs)} | |`);
    print(`| **CLI without / with the cache** | **${result.cachedRatio}x** | |`);
    print(`| naive: ts-morph Project over ${fmt(naiveTsMorph.sourceFiles)} .ts files (load ${fmt(naiveTsMorph.loadMs)} + lookup ${fmt(naiveTsMorph.lookupMs)}) | ${fmt(naiveTsMorph.ms)} | ${fmt(naiveTsMorph.peakRssMb)} |`);
    print(`| **naive / codewaves cold** | **${result.ratio}x** | **${result.rssRatio}x** |`);
    print();
    print(`Identifiers in the prompts: ${identifiers.length}. Footprints cite a declaration for ${phases.identifiersWithDeclarations} of them (${phases.tasksWithDeclarationEvidence} of ${result.tasks} tasks); the naive project finds ${naiveTsMorph.identifiersResolved}. ${phases.fallbackTasks} tasks fell back to a whole-project glob.`);
    for (const note of phases.notes) print(`Engine note: ${note}`);
    print();
    print(`### Where planSprint's time goes (inclusive ms per function, one fresh process; cold ${fmt(round(phases.coldMs))} ms, warm ${fmt(round(phases.warmMs))} ms)`);
    print();
    print('Nested rows are part of the row above; calls that run concurrently (Promise.all) overlap.');
    print();
    print('| function | calls | cold ms | warm ms |');
    print('|---|---:|---:|---:|');
    const warmByPath = new Map(phases.warm.map((stat) => [stat.path, stat]));
    for (const stat of phases.cold) {
      print(`| ${'&nbsp;&nbsp;'.repeat(stat.depth - 1)}${stat.name.startsWith('git ') ? `\`${stat.name}\`` : `${stat.name}()`} | ${stat.calls} | ${fmt(round(stat.ms))} | ${fmt(round(warmByPath.get(stat.path)?.ms))} |`);
    }
    print();
    print(`Loading ts-morph alone (a dynamic import, as the engine does it) takes ${fmt(round(tsMorphImport.ms))} ms in a fresh process.`);
    if (options.cpuProf) print(`CPU profile of the breakdown run: ${dirname(options.out)}/*.cpuprofile (open in Chrome DevTools > Performance).`);
    print(`Load average ${round(loadBefore, 2)} before, ${round(loadavg()[0], 2)} after, on ${cpus().length} cores. Generation ${fmt(round(generateMs))} ms; the whole benchmark ${fmt(round(msSince(started) / 1000, 1))} s. JSON: ${options.out}`);
  } finally {
    cleanup();
  }
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const [mode, ...args] = process.argv.slice(childIndex + 1);
  const run = { codewaves: childCodewaves, phases: childPhases, naive: childNaive, 'tsmorph-import': childTsMorphImport }[mode];
  run(...args).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
