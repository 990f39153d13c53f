import type { Candidate } from './candidate';
import { camelCase, splitIdentifier } from '../prompt/read-prompt';
import { isGeneratedOutput } from './file-roles';
import { isHotspot } from './hotspots';

/** A file that spells this share of a kind's names lists the kind: registries list every one, prose a few. */
const MIN_SHARE = 0.8;
/** Fewer siblings than this make no kind: two names in one file are chance. */
const MIN_SIBLINGS = 3;
/** Past this many siblings, the first ones (in path order) stand for the kind. */
const MAX_NAMES = 200;
const MAX_LISTINGS = 6;
/**
 * A new file this likely brings its listings along: they score its confidence times their share,
 * so a faint creation gives faint listings, which still keep two tasks adding one kind apart.
 */
export const LISTED_CREATION = 0.25;
/** Written by release tooling, which lists everything that ever shipped; a task does not edit it. */
const RELEASE_LOG = /(^|\/)(CHANGELOG|CHANGES|HISTORY|RELEASES?)[^/]*$/i;
/** Minified output (an API report, a bundle) lists every name too, and a tool writes it. */
const MINIFIED = /\.min\.[a-z]+$/i;

/** The things a new file joins: its siblings, the files laid out as it is with another name in its place. */
export interface Kind {
  /** The new file. */
  created: string;
  /** The segment of its path that is new: `prefer-x.ts`, or the folder `prefer-x`. */
  name: string;
  /** `src/rules/*.ts`, `tests/rules/*` + `/cases.ts`: how the siblings are laid out, for the reason. */
  layout: string;
  siblings: string[];
  /** The siblings' names of two or more words (`no-forward-ref`), as their paths spell them. */
  names: string[];
}

/**
 * The kind a new file belongs to. The first segment of its path that does not exist yet is its
 * name: `src/rules/prefer-x.ts` in an existing `src/rules/` joins the `.ts` files there,
 * `tests/rules/prefer-x/cases.ts` joins every `tests/rules/<name>/cases.ts`.
 */
export function kindOf(created: string, files: readonly string[], folders: ReadonlySet<string>): Kind | undefined {
  const segments = created.split('/');
  let at = 0;
  while (at < segments.length - 1 && folders.has(segments.slice(0, at + 1).join('/'))) at++;
  const prefix = segments.slice(0, at).join('/');
  const within = prefix === '' ? '' : `${prefix}/`;
  const isFile = at === segments.length - 1;
  const segment = segments[at]!;
  const dot = segment.indexOf('.');
  const suffix = isFile ? (dot >= 0 ? segment.slice(dot) : '') : `/${segments.slice(at + 1).join('/')}`;
  if (isFile && suffix === '') return undefined;
  const siblings: string[] = [];
  const names: string[] = [];
  for (const file of files) {
    if (!file.startsWith(within) || file === created) continue;
    const rest = file.slice(within.length);
    let name: string;
    if (isFile) {
      if (rest.includes('/') || !rest.endsWith(suffix)) continue;
      name = rest.slice(0, rest.length - suffix.length);
      // `a.spec.ts` is no sibling of `b.ts`: the name must be all of the part before the suffix.
      if (name.includes('.')) continue;
    } else {
      const slash = rest.indexOf('/');
      if (slash <= 0 || rest.slice(slash) !== suffix) continue;
      name = rest.slice(0, slash);
    }
    siblings.push(file);
    if (splitIdentifier(name).length >= 2 && names.length < MAX_NAMES) names.push(name);
  }
  if (names.length < MIN_SIBLINGS) return undefined;
  return { created, name: segment, layout: `${within}*${suffix}`, siblings, names };
}

const folderSets = new WeakMap<readonly string[], Set<string>>();

/** Every folder of a file list, for `kindOf`: built once per list, as every task of a sprint shares it. */
export function foldersOf(files: readonly string[]): Set<string> {
  const cached = folderSets.get(files);
  if (cached) return cached;
  const folders = new Set<string>();
  for (const file of files) {
    for (let slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) folders.add(file.slice(0, slash));
  }
  folderSets.set(files, folders);
  return folders;
}

/** The spellings to look for: a name as its path has it, and in camelCase when the path writes it with dashes or underscores. */
export function spellingsOf(name: string): string[] {
  return /[-_]/.test(name) ? [name, camelCase(name)] : [name];
}

/**
 * The files that list the things a task creates one more of: a rule index, an `all` config, a README
 * table, a docs site's navigation. Such a file spells most of the new file's siblings' names
 * (`spellings`: which names each file spells, from one `git grep`), and the task adds the new one
 * to it. Each scores the new file's confidence times the share of names it spells. A listing that
 * is no hotspot (a config, a README; not a barrel) places the task: an existing file the work will edit.
 */
export function kindListings(
  created: ReadonlyMap<string, number>,
  files: readonly string[],
  spellings: ReadonlyMap<string, ReadonlySet<string>>,
): Candidate[] {
  const folders = foldersOf(files);
  const best = new Map<string, Candidate>();
  for (const [path, confidence] of created) {
    const kind = kindOf(path, files, folders);
    if (!kind) continue;
    const own = new Set([...kind.siblings, ...created.keys()]);
    const wanted = new Map(kind.names.flatMap((name) => spellingsOf(name).map((spelling) => [spelling, name] as const)));
    for (const [file, spelled] of spellings) {
      if (own.has(file) || RELEASE_LOG.test(file) || MINIFIED.test(file) || isGeneratedOutput(file)) continue;
      const named = new Set([...spelled].map((spelling) => wanted.get(spelling)).filter((name): name is string => name !== undefined));
      const share = named.size / kind.names.length;
      if (share < MIN_SHARE) continue;
      const score = Math.round(confidence * share * 1000) / 1000;
      if ((best.get(file)?.score ?? 0) >= score) continue;
      best.set(file, {
        path: file,
        score,
        // A barrel that re-exports the kind says no more about where the work lands than the new file does.
        ...(isHotspot(file) ? {} : { places: true }),
        reason: `lists the things of its kind: spells ${named.size} of the ${kind.names.length} names in ${kind.layout}, where ${kind.name} is new`,
      });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.path.localeCompare(b.path)).slice(0, MAX_LISTINGS);
}

/** Every spelling `kindListings` will ask about for these new files: what the one `git grep` looks for. */
export function kindSpellings(created: Iterable<string>, files: readonly string[]): string[] {
  const folders = foldersOf(files);
  const out = new Set<string>();
  for (const path of created) {
    const kind = kindOf(path, files, folders);
    for (const name of kind?.names ?? []) for (const spelling of spellingsOf(name)) out.add(spelling);
  }
  return [...out];
}
