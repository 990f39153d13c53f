import type { Candidate } from './candidate';

/** A folder with more files than this is an area, not the thing the task names. */
const MAX_FILES = 12;
/** A test itself, not a fixture or entity in a test folder; the capture is its ending (`.test.ts`). */
const TEST = /(\.(spec|test)\.[cm]?[jt]sx?)$/;

/**
 * Numbers the prompt writes on their own or at the end of a name (`test 174`, `github-issue-204`),
 * not versions (`v18`, `5.4`), pull requests (`#4584`) or quantities (`50%`).
 */
export function numbersIn(text: string): string[] {
  return [...new Set(text.match(/(?<![\w.#$])\d{2,6}(?![\w.%])/g) ?? [])];
}

/**
 * Folders the prompt names. A number that names a folder is one thing's home (`move test 174` ->
 * test/github-issues/174/): moving, merging or removing it touches every file there. A path that
 * ends in a folder (`into json/basic-jsonb`) is where the work lands, most likely in its tests.
 */
export function namedFolders(text: string, paths: readonly string[], files: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  const numbers = numbersIn(text);
  // Moving, merging or removing a folder touches all of it; other work there, its tests.
  const wholeFolder = /\b(move[sd]?|remove[sd]?|delete[sd]?|merge[sd]?|drop(s|ped)?|relocate[sd]?)\b/i.test(text);
  for (const number of numbers) {
    const byFolder = new Map<string, string[]>();
    for (const file of files) {
      const segments = file.split('/');
      const at = segments.indexOf(number);
      if (at < 0 || at === segments.length - 1) continue;
      const folder = segments.slice(0, at + 1).join('/');
      const inside = byFolder.get(folder);
      if (inside) inside.push(file);
      else byFolder.set(folder, [file]);
    }
    // The same number in two places (an issue folder and a migration) says nothing about either.
    if (byFolder.size !== 1) continue;
    const [[folder, inside]] = [...byFolder];
    if (inside.length > MAX_FILES) continue;
    for (const file of inside) out.push({ path: file, score: wholeFolder || TEST.test(file) ? 0.6 : 0.25, reason: `in ${folder}/, which the task names by its number` });
  }
  for (const token of paths) {
    const folder = token.replace(/\/+$/, '');
    if (!folder.includes('/') || /\.[A-Za-z0-9]{1,8}$/.test(folder)) continue;
    const inside = files.filter((file) => folderAt(file, folder) !== undefined);
    const alternatives = inside.length === 0 ? siblingFolders(folder, files) : [];
    if (alternatives.length > 0) {
      out.push(...alternatives.flatMap((sibling) => filesIn(sibling, files)));
      continue;
    }
    if (inside.length === 0) out.push(...newTestThere(folder, files));
    if (inside.length === 0 || inside.length > MAX_FILES) continue;
    out.push(...inside.map((file) => inNamedFolder(file, folder)));
  }
  return out;
}

/**
 * `increment/decrement` is no path but two alternatives, when each word names a folder of tests
 * and the two folders are siblings: `repository/increment/` and `repository/decrement/`.
 */
function siblingFolders(token: string, files: readonly string[]): string[] {
  const words = token.split('/');
  if (words.length !== 2 || !words.every((word) => /^[\w-]+$/.test(word))) return [];
  const homes = words.map((word) => new Set(files.filter((file) => TEST.test(file)).map((file) => folderAt(file, word)).filter((folder) => folder !== undefined)));
  if (!homes.every((home) => home.size === 1)) return [];
  const folders = homes.map((home) => [...home][0]!);
  const parent = (folder: string) => folder.slice(0, folder.lastIndexOf('/'));
  return parent(folders[0]!) === parent(folders[1]!) ? folders : [];
}

function filesIn(folder: string, files: readonly string[]): Candidate[] {
  const inside = files.filter((file) => file.startsWith(`${folder}/`));
  if (inside.length > MAX_FILES) return [];
  return inside.map((file) => inNamedFolder(file, folder));
}

/** Work in a folder the task names lands in its tests more than anywhere else there. */
function inNamedFolder(file: string, folder: string): Candidate {
  return { path: file, score: TEST.test(file) ? 0.45 : 0.25, reason: `in ${folder}/, which the task names`, stated: 'prompt' };
}

/**
 * `move test 211 to query-builder/parameters/spread-in-parameters`: the folder is new, its parent is
 * not. The test lands where its siblings' tests do: `parameters/spread-in-parameters.test.ts` when
 * they sit in the parent, `embedded/x/x.test.ts` when each has a folder of its own.
 */
function newTestThere(folder: string, files: readonly string[]): Candidate[] {
  const name = folder.slice(folder.lastIndexOf('/') + 1);
  const parentToken = folder.slice(0, folder.lastIndexOf('/'));
  // Only folders that hold tests: `schema-builder` is both src/schema-builder and test/functional/schema-builder.
  const parents = new Set(files.filter((file) => TEST.test(file)).map((file) => folderAt(file, parentToken)).filter((parent) => parent !== undefined));
  if (parents.size !== 1 || !/^[\w.-]+$/.test(name)) return [];
  const [parent] = [...parents];
  let flat = 0;
  let nested = 0;
  let suffix = '';
  for (const file of files) {
    if (!file.startsWith(`${parent}/`) || !TEST.test(file)) continue;
    const rest = file.slice(parent!.length + 1).split('/');
    const ending = TEST.exec(file)![1]!;
    if (rest.length === 1) flat++;
    else if (rest.length === 2 && rest[1] === `${rest[0]}${ending}`) nested++;
    else continue;
    suffix ||= ending;
  }
  if (!suffix) return [];
  const path = nested > flat ? `${parent}/${name}/${name}${suffix}` : `${parent}/${name}${suffix}`;
  return [{ path, score: 0.5, creates: true, reason: `new test for ${folder}/, laid out like its siblings` }];
}

/** The folder a file is in whose path ends with `token` (`json/basic-jsonb` -> `test/functional/json/basic-jsonb`), if any. */
function folderAt(file: string, token: string): string | undefined {
  if (file.startsWith(`${token}/`)) return token;
  const at = file.indexOf(`/${token}/`);
  return at < 0 ? undefined : file.slice(0, at + 1 + token.length);
}
