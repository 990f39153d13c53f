import { kebabCase, singular } from '../prompt/read-prompt';
import { isInside, owningProject, type Project } from '../../workspace';
import { stemOf } from './mentioned-files';

/**
 * The projects a conventional-commit scope names: `fix(store): ...` -> the project called `store`,
 * `@org/store`, or rooted at `.../store`; `fix(signals/rxjs-interop)` -> that sub-folder.
 */
export function projectsForScopes(scopes: readonly string[], projects: readonly Project[], files: readonly string[]): string[] {
  return readScopes(scopes, projects, files).roots;
}

/**
 * What the scopes name: the projects or folders they stand for, and the scopes that name a thing
 * with files in several places (`docs(no-nested-tags)`: its rule, its docs page, its test folder),
 * whose files the task mentions as it would a name.
 */
export function readScopes(scopes: readonly string[], projects: readonly Project[], files: readonly string[]): { roots: string[]; things: string[] } {
  const roots = new Set<string>();
  const things: string[] = [];
  for (const scope of scopes) {
    // A scoped package name (`@trpc/upgrade`) names its project whole.
    const exact = projects.filter((project) => project.name.toLowerCase() === scope);
    if (exact.length > 0) {
      for (const project of exact) roots.add(project.root);
      continue;
    }
    const [head, ...rest] = scope.split('/');
    let named = false;
    for (const project of projects) {
      if (isNamed(project, head!)) {
        const nested = rest.length > 0 ? `${project.root}/${rest.join('/')}` : undefined;
        roots.add(nested && files.some((file) => file.startsWith(`${nested}/`)) ? nested : project.root);
        named = true;
      }
    }
    if (named) continue;
    // A thing is about the project that holds its files, not one folder of it.
    const folders = foldersNamed(scope, files);
    const thing = thingFiles(scope, folders, files);
    if (thing.length > 0) {
      things.push(scope);
      for (const file of thing) roots.add(owningProject(projects, file)?.root ?? '');
    } else for (const folder of folders) roots.add(folder);
  }
  return { roots: [...roots].sort(), things };
}

/**
 * The files a scope names by their stem when the only folders it names are its tests' (`tests/rules/
 * no-nested-tags/`), or nothing. A scope that names a source folder (`find-options`) is about that
 * folder, whatever else bears the name.
 */
export function thingNamed(scope: string, files: readonly string[]): string[] {
  return thingFiles(scope, foldersNamed(scope, files), files);
}

function thingFiles(scope: string, folders: readonly string[], files: readonly string[]): string[] {
  const wanted = kebabCase(scope);
  if (wanted.split('-').length < 2 || folders.length === 0 || !folders.every(isTestFolder)) return [];
  const named = files.filter((file) => kebabCase(stemOf(file)) === wanted);
  return named.some((file) => !isTestFolder(file) && !folders.some((folder) => isInside(folder, file))) ? named : [];
}

const isTestFolder = (folder: string) => /(^|\/)(test|tests|spec|__tests__|e2e)(\/|$)/.test(folder);

/**
 * The project a title's opening word names (`Codegen: ...`, `graphql-request-base-query: ...`):
 * one whose name, last name segment or folder it is, else the one project whose name has it as a
 * word (`codegen` in `rtk-query-codegen-openapi`). Unlike a scope it never names a folder: a word
 * before a colon is as often prose (`Note: ...`).
 */
export function projectNamedBy(word: string, projects: readonly Project[]): string | undefined {
  const exact = projects.filter((project) => isNamed(project, word));
  if (exact.length === 1) return exact[0]!.root;
  if (exact.length > 1) return undefined;
  const containing = projects.filter((project) => project.name.toLowerCase().split(/[/@-]/).includes(word) || folderOf(project).split('-').includes(word));
  return containing.length === 1 ? containing[0]!.root : undefined;
}

/** More named projects than this is a list of packages ("bump rxjs in ..."), not where the task works. */
const MAX_PROSE_PROJECTS = 3;
/** `graphql-request-base-query`: words joined by hyphens, which prose may run together or space out. */
const HYPHENATED = /^[a-z0-9]+(-[a-z0-9]+)+$/;

/**
 * The projects a task's prose names by a name no sentence uses for anything else: a name of several
 * parts (`component-store`, `@pinia/nuxt`, `graphql-request-base-query`), as written anywhere in
 * the text ("fix typo in the component-store README"). A one-word name (`store`, `core`) is as often
 * a plain word, so it names its project only where the sentence calls it one ("the data package's
 * typing"), besides a title's opening (`Store: ...`) or a scope. Returns the names as written, to be
 * read as scopes are; a spelling that several projects share names none.
 */
export function projectsNamedInProse(text: string, projects: readonly Project[]): string[] {
  const lower = text.toLowerCase();
  const owners = new Map<string, Set<string>>();
  for (const project of projects) {
    if (project.root === '') continue;
    const name = project.name.toLowerCase();
    const last = name.slice(name.lastIndexOf('/') + 1);
    for (const spelling of new Set([name, last, folderOf(project)])) {
      if (!/^@?[a-z0-9]+(?:[-/][a-z0-9]+)*$/.test(spelling)) continue;
      owners.set(spelling, (owners.get(spelling) ?? new Set()).add(project.root));
    }
  }
  const named = new Map<string, string>();
  const spacedOnly = new Set<string>();
  for (const [spelling, roots] of owners) {
    const severalParts = /[-/]/.test(spelling);
    // `graphqlrequestbasequery` for `graphql-request-base-query`: a name of several parts run together is still that name.
    const runTogether = HYPHENATED.test(spelling) && writtenAsAWhole(lower, spelling.replace(/-/g, ''));
    const whole = severalParts ? writtenAsAWhole(lower, spelling) || runTogether : calledAPackage(lower, spelling);
    const spaced = !whole && severalParts && spacedOut(lower, spelling);
    if (roots.size !== 1 || !(whole || spaced)) continue;
    if (spaced) spacedOnly.add(spelling);
    const root = [...roots][0]!;
    // `@org/store-devtools` also spells `store-devtools`: one project, named once, by its longest spelling.
    if ((named.get(root)?.length ?? 0) < spelling.length) named.set(root, spelling);
  }
  // "the eslint plugin template" spaces out `eslint-plugin` too: the longer name is the one meant.
  const all = [...named.values()];
  const names = all.filter((spelling) => !spacedOnly.has(spelling) || !all.some((other) => other.startsWith(`${spelling}-`)));
  return names.length <= MAX_PROSE_PROJECTS ? names.sort() : [];
}

/**
 * "in the project service", "the component store's README": a name of several parts spaced out as
 * prose writes it, where "the" points at it. Not a name that reads as a description of files
 * (`integration-tests`, `e2e-docs`): "the integration tests" rarely means the package.
 */
function spacedOut(text: string, spelling: string): boolean {
  if (!HYPHENATED.test(spelling) || /-(tests?|specs?|e2e|docs|examples?|fixtures?)$/.test(spelling)) return false;
  return new RegExp(`(^|[^a-z0-9_-])the ${spelling.replace(/-/g, ' ')}(?:'s)?(?![a-z0-9_-])`).test(text);
}

/**
 * "the data package", "the payments library's tests", "the nuxt module": a one-word name the
 * sentence says is a package. Or whose files it points at with "the": "the schematics tests", "the store README".
 */
function calledAPackage(text: string, spelling: string): boolean {
  return (
    new RegExp(`(^|[^a-z0-9_@/-])${spelling}(?:'s)? (?:package|library|project|module)s?\\b`).test(text) ||
    new RegExp(`(^|[^a-z0-9_@/-])the ${spelling}(?:'s)? (?:tests?|specs?|readme|changelog)\\b`).test(text)
  );
}

/** `component-store` in "the component-store README" or "@ngrx/component-store", not in "component-store-x". */
function writtenAsAWhole(text: string, spelling: string): boolean {
  for (let at = text.indexOf(spelling); at !== -1; at = text.indexOf(spelling, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + spelling.length] ?? ' ';
    if (!/[a-z0-9_-]/.test(before) && !/[a-z0-9_-]/.test(after)) return true;
  }
  return false;
}

/** A word names a project when it is the project's name, the last part of a scoped name (`@org/store`), or its folder. */
function isNamed(project: Project, word: string): boolean {
  const name = project.name.toLowerCase();
  return name === word || name.endsWith(`/${word}`) || folderOf(project) === word;
}

function folderOf(project: Project): string {
  return project.root.split('/').pop()!.toLowerCase();
}

/** At most this many folders stand for a scope that names no project. */
const MAX_SCOPE_FOLDERS = 3;

/**
 * A scope that names no project often names a folder: `fix(query-builder): ...` in a
 * single-package repository means `src/query-builder/`. The folders with that name (a path's
 * last segments may spell a nested scope, `driver/postgres`), largest first, tests last.
 */
function foldersNamed(scope: string, files: readonly string[]): string[] {
  const wanted = scope.toLowerCase();
  const counts = new Map<string, number>();
  for (const file of files) {
    const parts = file.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      if (parts[depth - 1]!.toLowerCase() === wanted.split('/').pop() && folder.toLowerCase().endsWith(wanted) && !folder.includes('node_modules')) {
        counts.set(folder, (counts.get(folder) ?? 0) + 1);
      }
    }
  }
  return [...counts]
    .sort((a, b) => Number(isTestFolder(a[0])) - Number(isTestFolder(b[0])) || b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_SCOPE_FOLDERS)
    .map(([folder]) => folder);
}

/**
 * Folders inside the task's projects that a word of the task names: "support for scoped events"
 * in `signals` means `signals/events/`. A vague task's stand-in files are better taken from there
 * than from the whole project. Only the first two levels count, and a word naming more than one
 * folder names none of them.
 */
export function foldersTheTaskNames(roots: readonly string[], words: readonly string[], files: readonly string[]): string[] {
  return [...foldersEachWordNames(roots, words, files).values()].filter((folders) => folders.size === 1).flatMap((folders) => [...folders]).sort();
}

/** Each word of the task with the folders of the first two levels of its projects that it names. */
export function foldersEachWordNames(roots: readonly string[], words: readonly string[], files: readonly string[]): Map<string, Set<string>> {
  const wanted = new Set(words.map(singular));
  const found = new Map<string, Set<string>>();
  for (const root of roots) {
    const prefix = root === '' ? '' : `${root}/`;
    for (const file of files) {
      if (!file.startsWith(prefix)) continue;
      const parts = file.slice(prefix.length).split('/').slice(0, -1).slice(0, 2);
      for (let depth = 1; depth <= parts.length; depth++) {
        const word = singular(parts[depth - 1]!);
        if (!wanted.has(word)) continue;
        const folders = found.get(word) ?? new Set<string>();
        folders.add(prefix + parts.slice(0, depth).join('/'));
        found.set(word, folders);
      }
    }
  }
  return found;
}
