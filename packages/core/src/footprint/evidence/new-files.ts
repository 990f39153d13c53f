import { isInside } from '../../workspace';
import { kebabCase, splitIdentifier, type PromptFacts } from '../prompt/read-prompt';
import type { Candidate } from './candidate';
import { isCodeFile, isTestFile, stemOf } from './mentioned-files';

/** "add", "create", "introduce", "new": the task brings a thing that does not exist yet. */
export const ADDS = /\b(add|adds|added|adding|create|creates|introduce|introduces|implement|implements|new)\b/i;
/** `add requireCustomId option`: a key in an existing file, not a thing with files of its own. */
const PART_OF_SOMETHING = /^[`'"\]]*\s+(options?|flags?|param(eter)?s?|arguments?|propert(y|ies)|settings?|attributes?|inputs?|props?|keys?|fields?)\b/i;
/** A renamed thing also gets a new file. */
const RENAMES = /\b(rename|renames|renamed)\b/i;

export interface NewFileIndex {
  /** Non-test files by stem. */
  stems: ReadonlyMap<string, readonly string[]>;
  /** Test files by stem. */
  testsByStem: ReadonlyMap<string, readonly string[]>;
  existing: ReadonlySet<string>;
}

/**
 * The files a task will create for an identifier that nothing declares yet: `feat: add
 * \`withFeature\`` creates `with-feature.ts` and its spec. Where they go is learned from the
 * project's own layout: the folder that holds the most files named like it (`with-hooks.ts`,
 * `with-state.ts`), and where those files keep their tests. A task that names such an identifier
 * without creating it (it builds on another task's new file) lands on the same path, which is
 * exactly the conflict the planner must see.
 */
export function newFiles(
  prompt: string,
  { identifiers, renames }: Pick<PromptFacts, 'identifiers' | 'renames'>,
  isDeclared: (identifier: string) => boolean,
  roots: readonly string[],
  files: readonly string[],
  index: NewFileIndex,
  projectRootOf: (file: string) => string | undefined,
): Candidate[] {
  // No project, no convention to follow. A root project ('', a single-package repository) is one.
  if (roots.length === 0) return [];
  const hasFile = (name: string) => (index.stems.get(name)?.length ?? 0) > 0 || (index.testsByStem.get(name)?.length ?? 0) > 0;
  const fresh = identifiers.filter((identifier) => looksLikeNewName(identifier) && !isDeclared(identifier) && !namesAPart(prompt, identifier) && ![identifier, identifier.toLowerCase(), kebabCase(identifier)].some(hasFile));
  if (fresh.length === 0) return [];
  const inRoots = (file: string) => roots.some((root) => isInside(root, file));
  const sources = files.filter((file) => inRoots(file) && isCodeFile(file) && !isTestFile(file) && !/\.d\.[cm]?ts$/.test(file) && stemOf(file) !== 'index');
  const creates = ADDS.test(prompt) || RENAMES.test(prompt);
  const base = creates ? 0.55 : 0.45;
  const out: Candidate[] = [];
  for (const identifier of fresh) {
    const stem = kebabCase(identifier);
    const oldName = renames.get(identifier);
    const besideOld = placeOfRenamed(oldName, index.stems, inRoots);
    const place = besideOld ?? placeLike(stem, sources, roots);
    if (!place) continue;
    const path = `${place.dir}/${stem}${place.extension}`;
    const why = besideOld ? `renamed from \`${oldName}\`, beside ${place.analogues[0]}` : `which nothing declares yet, beside ${place.analogues.slice(0, 2).join(', ')}`;
    out.push({ path, score: base, ...(creates ? { creates: true } : {}), reason: `new file for \`${identifier}\`, ${why}` });
    const barrel = creates ? nearestBarrel(place.dir, roots, index.existing) : undefined;
    if (barrel) out.push({ path: barrel, score: 0.45, reason: `exports the new \`${identifier}\`` });
    const test = testPathLike(stem, place.analogueFiles, index.testsByStem, projectRootOf);
    if (test) out.push({ path: test, score: base * 0.85, ...(creates ? { creates: true } : {}), reason: `new test for \`${identifier}\`, where the tests of ${place.analogues[0]} live` });
  }
  return out;
}

/** A renamed identifier's new file goes where the old one's file is, not where look-alikes cluster. */
function placeOfRenamed(
  old: string | undefined,
  stems: ReadonlyMap<string, readonly string[]>,
  inRoots: (file: string) => boolean,
): { dir: string; extension: string; analogues: string[]; analogueFiles: string[] } | undefined {
  if (old === undefined) return undefined;
  const candidates = (stems.get(kebabCase(old)) ?? []).filter((file) => inRoots(file) && isCodeFile(file) && !isTestFile(file));
  if (candidates.length !== 1) return undefined;
  const file = candidates[0]!;
  return { dir: file.slice(0, file.lastIndexOf('/')), extension: /\.[cm]?[jt]sx?$/.exec(file)![0], analogues: [file.slice(file.lastIndexOf('/') + 1)], analogueFiles: [file] };
}

/** Whether the prompt writes the name as an option, flag or property of something (`add \`requireCustomId\` option`). */
export function namesAPart(prompt: string, name: string): boolean {
  for (let at = prompt.indexOf(name); at >= 0; at = prompt.indexOf(name, at + 1)) {
    if (PART_OF_SOMETHING.test(prompt.slice(at + name.length))) return true;
  }
  return false;
}

/** A code name, not prose: camelCase starting lower-case, in two or more parts (`signalMethod`). */
function looksLikeNewName(identifier: string): boolean {
  if (!/^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/.test(identifier)) return false;
  return splitIdentifier(identifier).length >= 2;
}

/** The folder whose files share the most name parts with the new stem (`deep-computed` beside `deep-signal`). */
function placeLike(stem: string, sources: readonly string[], roots: readonly string[]): { dir: string; extension: string; analogues: string[]; analogueFiles: string[] } | undefined {
  const parts = stem.split('-');
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const byDir = new Map<string, { weight: number; files: string[] }>();
  for (const file of sources) {
    const other = stemOf(file).split(/[-_.]/);
    let weight = 0;
    if (other[0] === first) weight += 1;
    if (other[other.length - 1] === last) weight += 1;
    if (weight === 0) continue;
    const dir = file.slice(0, file.lastIndexOf('/'));
    const entry = byDir.get(dir) ?? { weight: 0, files: [] };
    entry.weight += weight;
    entry.files.push(file);
    byDir.set(dir, entry);
  }
  const best = [...byDir].sort((a, b) => b[1].weight - a[1].weight || a[0].localeCompare(b[0]))[0];
  // One look-alike is chance, unless it sits where most of the project's code does; two or more are the convention.
  if (!best || (best[1].weight < 2 && !isMainFolder(best[0], roots))) return undefined;
  const extensions = new Map<string, number>();
  for (const file of best[1].files) {
    const extension = /\.[cm]?[jt]sx?$/.exec(file)![0];
    extensions.set(extension, (extensions.get(extension) ?? 0) + 1);
  }
  const extension = [...extensions].sort((a, b) => b[1] - a[1])[0]![0];
  return { dir: best[0], extension, analogues: best[1].files.map((file) => file.slice(file.lastIndexOf('/') + 1)), analogueFiles: best[1].files };
}

/** A project's own code folder: `<root>/src` by convention (schematics and tooling folders may hold more files). */
function isMainFolder(dir: string, roots: readonly string[]): boolean {
  const under = (root: string, folder: string) => (root === '' ? folder : `${root}/${folder}`);
  return roots.some((root) => dir === under(root, 'src') || dir === under(root, 'lib') || dir === under(root, 'src/lib'));
}

/** The barrel a new file is exported from: the nearest index file up from its folder, inside its project. */
function nearestBarrel(dir: string, roots: readonly string[], existing: ReadonlySet<string>): string | undefined {
  const root = roots.find((candidate) => candidate === '' || dir === candidate || dir.startsWith(`${candidate}/`));
  if (root === undefined) return undefined;
  for (let folder = dir; folder.length >= root.length; folder = folder.slice(0, Math.max(0, folder.lastIndexOf('/')))) {
    const barrel = ['index.ts', 'index.js', 'public-api.ts', 'public_api.ts'].map((name) => `${folder}/${name}`).find((path) => existing.has(path));
    if (barrel) return barrel;
    if (!folder.includes('/')) break;
  }
  return undefined;
}

/** Where the look-alikes keep their tests, with the new stem: `src/with-hooks.ts` -> `spec/with-hooks.spec.ts`. */
function testPathLike(stem: string, analogues: readonly string[], testsByStem: ReadonlyMap<string, readonly string[]>, projectRootOf: (file: string) => string | undefined): string | undefined {
  const votes = new Map<string, number>();
  for (const analogue of analogues) {
    const analogueStem = stemOf(analogue);
    const root = projectRootOf(analogue);
    for (const test of testsByStem.get(analogueStem) ?? []) {
      if (projectRootOf(test) !== root) continue;
      const name = test.slice(test.lastIndexOf('/') + 1);
      if (!name.startsWith(`${analogueStem}.`)) continue;
      const path = `${test.slice(0, test.lastIndexOf('/') + 1)}${stem}${name.slice(analogueStem.length)}`;
      votes.set(path, (votes.get(path) ?? 0) + 1);
    }
  }
  return [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
