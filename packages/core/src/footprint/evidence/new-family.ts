import { isInside } from '../../workspace';
import { kebabCase, splitIdentifier } from '../prompt/read-prompt';
import type { Candidate } from './candidate';
import { stemOf } from './mentioned-files';

/** "add", "create", "introduce", "new": the task brings a thing that does not exist yet. */
const CREATES = /\b(add|adds|added|adding|create|creates|introduce|introduces|implement|implements|new)\b/i;
/** The score of a layout every look-alike follows; one half of them follow gets half. */
const FULL = 0.6;
/** A layout needs this many look-alikes behind it, and this share of their weight. */
const MIN_LOOK_ALIKES = 2;
const MIN_SHARE = 0.3;
const MAX_FILES = 6;
/** `add requireCustomId option`: a key in an existing file, not a thing with files of its own. */
const PART_OF_SOMETHING = /^[`'"\]]*\s+(options?|flags?|param(eter)?s?|arguments?|propert(y|ies)|settings?|attributes?|inputs?|props?|keys?|fields?)\b/i;

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
 * the convention; one of them alone is chance.
 */
export function newFamilies(prompt: string, names: readonly string[], roots: readonly string[], files: readonly string[], known: ReadonlySet<string>): Candidate[] {
  if (roots.length === 0 || !CREATES.test(prompt)) return [];
  const fresh = [...new Set(names.filter((name) => !namesAPart(prompt, name)).map(kebabCase))].filter((name) => name.split('-').length >= 2);
  if (fresh.length === 0) return [];
  const slots = familySlots(files);
  const out: Candidate[] = [];
  for (const name of fresh) {
    if (slots.has(name)) continue;
    const parts = name.split('-');
    const weights = new Map<string, number>();
    for (const [other, members] of slots) {
      const otherParts = other.split('-');
      const weight = Number(otherParts[0] === parts[0]) + Number(otherParts[otherParts.length - 1] === parts[parts.length - 1]);
      if (weight > 0 && members.some((slot) => roots.some((root) => isInside(root, slot.file)))) weights.set(other, weight);
    }
    const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
    const layouts = new Map<string, { slot: Slot; weight: number; members: number; example: string }>();
    for (const [other, weight] of weights) {
      for (const slot of new Set(slots.get(other)!.map((member) => `${member.template}\n${member.spelling}`))) {
        const member = slots.get(other)!.find((candidate) => `${candidate.template}\n${candidate.spelling}` === slot)!;
        const entry = layouts.get(slot) ?? { slot: member, weight: 0, members: 0, example: member.file };
        entry.weight += weight;
        entry.members += 1;
        layouts.set(slot, entry);
      }
    }
    const chosen = [...layouts.values()]
      .filter((layout) => layout.members >= MIN_LOOK_ALIKES && layout.weight / total >= MIN_SHARE)
      .sort((a, b) => b.weight - a.weight || a.slot.template.localeCompare(b.slot.template))
      .slice(0, MAX_FILES);
    for (const { slot, weight, members, example } of chosen) {
      const path = slot.template.replace('\0', spell(name, slot.spelling));
      if (known.has(path)) continue;
      out.push({
        path,
        // Rounded: two of three look-alikes is the threshold, not a hair under it.
        score: Math.round(FULL * (weight / total) * 1000) / 1000,
        creates: true,
        reason: `new \`${name}\`, laid out like ${members} of its ${weights.size} look-alikes (${example})`,
      });
    }
  }
  return out;
}

function namesAPart(prompt: string, name: string): boolean {
  for (let at = prompt.indexOf(name); at >= 0; at = prompt.indexOf(name, at + 1)) {
    if (PART_OF_SOMETHING.test(prompt.slice(at + name.length))) return true;
  }
  return false;
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
  if (splitIdentifier(name).length < 2) return undefined;
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(name)) return 'kebab';
  if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(name)) return 'snake';
  if (/^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$/.test(name)) return 'camel';
  if (/^([A-Z][a-z0-9]+)+$/.test(name)) return 'pascal';
  return undefined;
}

function spell(kebab: string, spelling: Spelling): string {
  const parts = kebab.split('-');
  const capital = (part: string) => part.charAt(0).toUpperCase() + part.slice(1);
  if (spelling === 'kebab') return kebab;
  if (spelling === 'snake') return parts.join('_');
  if (spelling === 'camel') return parts[0] + parts.slice(1).map(capital).join('');
  return parts.map(capital).join('');
}
