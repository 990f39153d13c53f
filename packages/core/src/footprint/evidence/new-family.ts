import { isInside } from '../../workspace';
import { camelCase, kebabCase, splitIdentifier } from '../prompt/read-prompt';
import type { CommitRecord } from '../sources/history';
import type { Candidate } from './candidate';
import { stemOf } from './mentioned-files';
import { ADDS, namesAPart } from './new-files';

/** The score of a layout every look-alike follows; a layout half of them follow gets half of it. */
const FULL = 0.6;
/** A layout needs this many look-alikes behind it, and this share of their weight. */
const MIN_LOOK_ALIKES = 2;
const MIN_SHARE = 0.3;
const MAX_FILES = 6;
/** A file most look-alikes' additions changed lists them; fewer is chance. */
const MIN_REGISTRY_SHARE = 0.5;
const MAX_REGISTRIES = 4;
/** Folders every project has: no kind of thing is named by them. */
const STRUCTURAL = new Set(['src', 'lib', 'libs', 'dist', 'test', 'tests', 'spec', 'specs', 'docs', 'packages', 'apps', 'modules', 'e2e', 'source', 'sources', 'files']);

interface Layout {
  slot: Slot;
  share: number;
  members: number;
  example: string;
  /** The look-alikes that follow it. */
  names: string[];
}

type Spelling = 'kebab' | 'snake' | 'camel' | 'pascal';

/** One file of a named thing, with the name made a slot: `tests/rules/\0/cases.ts`. */
interface Slot {
  template: string;
  spelling: Spelling;
  file: string;
}

/**
 * The files a task creates for a new named thing, laid out as its look-alikes are: `add rule
 * prefer-signal-model` in a project whose `prefer-*` rules each have `src/rules/<name>.ts`,
 * `docs/rules/<name>.md` and `tests/rules/<name>/cases.ts` gets those three with the new name.
 * Look-alikes share the name's first or last word and have a file in the task's projects; their
 * other files may be anywhere (a docs site beside the package). A layout most of them follow is
 * the convention; one of them alone is chance. With no look-alike, the things in a folder the
 * task's words name (`rule` -> `rules/`) stand in for them. The files that list the kind come
 * last (`registries`).
 */
export function newFamilies(
  prompt: string,
  names: readonly string[],
  words: readonly string[],
  roots: readonly string[],
  files: readonly string[],
  known: ReadonlySet<string>,
  history: readonly CommitRecord[] = [],
): Candidate[] {
  if (roots.length === 0 || !ADDS.test(prompt)) return [];
  // A capitalised name in prose is more often a product (`CockroachDB`) than a new type: only in backticks.
  const written = names.filter((name) => !namesAPart(prompt, name) && (!/^[A-Z]/.test(name) || prompt.includes(`\`${name}\``)));
  const fresh = [...new Set(written.map(kebabCase))].filter((name) => name.split('-').length >= 2);
  if (fresh.length === 0) return [];
  const slots = familySlots(files);
  const inRoots = (members: readonly Slot[]) => members.some((slot) => roots.some((root) => isInside(root, slot.file)));
  const layouts = fresh.filter((name) => !slots.has(name)).map((name) => ({ name, ...byLookAlikes(name, slots, inRoots) }));
  // No name like any of them: the kind the task names (`add computed-must-return rule`) may be a
  // folder's (`rules/`). Only the first new name is the thing added; the others are prose
  // (`two-way bindings`) or names inside it.
  if (layouts.length > 0 && layouts.every((layout) => layout.found.length === 0)) {
    const name = layouts[0]!.name;
    const folders = new Set(words.filter((word) => word.length >= 3 && !name.split('-').includes(word)).flatMap((word) => [word, `${word}s`, `${word}es`]).filter((folder) => !STRUCTURAL.has(folder)));
    const kind = new Map<string, number>();
    for (const [other, members] of slots) {
      if (members.some((slot) => roots.some((root) => isInside(root, slot.file) && foldersBelow(root, slot.template).some((folder) => folders.has(folder))))) kind.set(other, 1);
    }
    layouts[0] = { name, found: conventions(kind, slots), kin: `the ${kind.size} of its kind` };
  }
  const out: Candidate[] = [];
  for (const { name, found, kin } of layouts) {
    for (const { slot, share, members, example } of found) {
      const path = slot.template.replace('\0', spell(name, slot.spelling));
      if (known.has(path)) continue;
      out.push({
        path,
        // Rounded: two of three look-alikes is the threshold, not a hair under it.
        score: Math.round(FULL * share * 1000) / 1000,
        creates: true,
        reason: `new \`${name}\`, laid out like ${members} of ${kin} (${example})`,
      });
    }
    if (found.length > 0) out.push(...registries(name, found, history, known));
  }
  return out;
}

/**
 * The files that list every thing of its kind (a plugin's rule index, its `all` config, the README's
 * table): those the commits that added the look-alikes changed besides the look-alikes' own files.
 * The oldest commit in history that changed two of a look-alike's files is taken for its addition.
 */
function registries(name: string, found: readonly Layout[], history: readonly CommitRecord[], known: ReadonlySet<string>): Candidate[] {
  if (history.length === 0) return [];
  const byFile = commitsByFile(history);
  const isOwn = (file: string) => found.some((layout) => fillsSlot(file, layout.slot.template));
  const lookAlikes = [...new Set(found[0]!.names)];
  const listed = new Map<string, string[]>();
  let added = 0;
  for (const other of lookAlikes) {
    const own = found.map((layout) => layout.slot.template.replace('\0', spell(other, layout.slot.spelling)));
    const hits = new Map<number, number>();
    for (const file of own) for (const at of byFile.get(file) ?? []) hits.set(at, (hits.get(at) ?? 0) + 1);
    const need = Math.min(2, own.length);
    const oldest = Math.max(-1, ...[...hits].filter(([, count]) => count >= need).map(([at]) => at));
    if (oldest < 0) continue;
    added++;
    for (const file of history[oldest]!.files) {
      if (isOwn(file) || !known.has(file)) continue;
      listed.set(file, [...(listed.get(file) ?? []), other]);
    }
  }
  if (added < MIN_LOOK_ALIKES) return [];
  return [...listed]
    .filter(([, others]) => others.length >= MIN_LOOK_ALIKES && others.length / added >= MIN_REGISTRY_SHARE)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, MAX_REGISTRIES)
    .map(([file, others]) => ({
      path: file,
      score: Math.round(FULL * (others.length / added) * 1000) / 1000,
      places: true,
      reason: `lists the things of its kind: changed when ${others.length} of ${added} look-alikes of \`${name}\` were added (${others[0]})`,
    }));
}

const commitIndexes = new WeakMap<readonly CommitRecord[], Map<string, number[]>>();

/** For each file, the places in history (newest first) of the commits that changed it. */
function commitsByFile(history: readonly CommitRecord[]): Map<string, number[]> {
  const cached = commitIndexes.get(history);
  if (cached) return cached;
  const index = new Map<string, number[]>();
  history.forEach((commit, at) => {
    for (const file of commit.files) {
      const list = index.get(file);
      if (list) list.push(at);
      else index.set(file, [at]);
    }
  });
  commitIndexes.set(history, index);
  return index;
}

/** Whether a path is the template with some name, no folder of its own, in the slot. */
function fillsSlot(file: string, template: string): boolean {
  const [before = '', after = ''] = template.split('\0');
  const name = file.slice(before.length, file.length - after.length);
  return file.length > before.length + after.length && file.startsWith(before) && file.endsWith(after) && !name.includes('/');
}

/** Names that share the new name's first or last word and have a file in the task's projects, and the layouts they follow. */
function byLookAlikes(name: string, slots: ReadonlyMap<string, readonly Slot[]>, inRoots: (members: readonly Slot[]) => boolean) {
  const parts = name.split('-');
  const alike = new Map<string, number>();
  for (const [other, members] of slots) {
    const otherParts = other.split('-');
    const weight = Number(otherParts[0] === parts[0]) + Number(otherParts[otherParts.length - 1] === parts[parts.length - 1]);
    if (weight > 0 && inRoots(members)) alike.set(other, weight);
  }
  return { found: conventions(alike, slots), kin: `its ${alike.size} look-alikes` };
}

/** The folders of a path under its project's root: the project's own folder names no kind. */
function foldersBelow(root: string, path: string): string[] {
  return (root === '' ? path : path.slice(root.length + 1)).split('/').slice(0, -1);
}

/** The layouts enough of the weighted look-alikes follow, best first. */
function conventions(alike: ReadonlyMap<string, number>, slots: ReadonlyMap<string, readonly Slot[]>): Layout[] {
  const total = [...alike.values()].reduce((sum, weight) => sum + weight, 0);
  const layouts = new Map<string, { slot: Slot; weight: number; members: number; example: string; names: string[] }>();
  for (const [other, weight] of alike) {
    const seen = new Set<string>();
    for (const member of slots.get(other)!) {
      const key = `${member.template}\n${member.spelling}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = layouts.get(key) ?? { slot: member, weight: 0, members: 0, example: member.file, names: [] };
      entry.weight += weight;
      entry.members += 1;
      entry.names.push(other);
      layouts.set(key, entry);
    }
  }
  return [...layouts.values()]
    .filter((layout) => layout.members >= MIN_LOOK_ALIKES && layout.weight / total >= MIN_SHARE)
    .sort((a, b) => b.weight - a.weight || a.slot.template.localeCompare(b.slot.template))
    .slice(0, MAX_FILES)
    .map(({ slot, weight, members, example, names }) => ({ slot, share: weight / total, members, example, names }));
}

const slotCache = new WeakMap<readonly string[], Map<string, Slot[]>>();

/** Every file by each name in its path of two or more words: the file stem and each folder. */
function familySlots(files: readonly string[]): Map<string, Slot[]> {
  const cached = slotCache.get(files);
  if (cached) return cached;
  const slots = new Map<string, Slot[]>();
  const add = (name: string, template: string, file: string) => {
    const spelling = spellingOf(name);
    if (!spelling) return;
    const key = kebabCase(name);
    const list = slots.get(key) ?? [];
    list.push({ template, spelling, file });
    slots.set(key, list);
  };
  for (const file of files) {
    const segments = file.split('/');
    const base = segments[segments.length - 1]!;
    const stem = stemOf(file);
    if (stem.length > 0 && base.startsWith(stem)) add(stem, [...segments.slice(0, -1), `\0${base.slice(stem.length)}`].join('/'), file);
    for (let i = 0; i < segments.length - 1; i++) add(segments[i]!, [...segments.slice(0, i), '\0', ...segments.slice(i + 1)].join('/'), file);
  }
  slotCache.set(files, slots);
  return slots;
}

/** How a name of two or more words is spelled, or nothing for a one-word name. */
function spellingOf(name: string): Spelling | undefined {
  // A version folder (`6_0_0`, `18_0_0-beta`) is a number, not a name.
  if (splitIdentifier(name).length < 2 || !/^[a-z]/i.test(name)) return undefined;
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(name)) return 'kebab';
  if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(name)) return 'snake';
  if (/^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$/.test(name)) return 'camel';
  if (/^([A-Z][a-z0-9]+)+$/.test(name)) return 'pascal';
  return undefined;
}

function spell(kebab: string, spelling: Spelling): string {
  if (spelling === 'kebab') return kebab;
  if (spelling === 'snake') return kebab.split('-').join('_');
  const camel = camelCase(kebab);
  return spelling === 'camel' ? camel : camel.charAt(0).toUpperCase() + camel.slice(1);
}
