import { mentionedPaths } from './mentioned-paths';
import { bumpedPackages, droppedPackages } from './dependency-bumps';

/** What a task's text says, in the terms the evidence uses. */
export interface PromptFacts {
  /** Conventional-commit type (`fix`, `feat`, `docs`, `test`, ...), if the title has one. */
  type?: string;
  /** Conventional-commit scopes: `fix(store, effects): ...` gives both. */
  scopes: string[];
  /**
   * A word before the title's colon that is no commit type (`Codegen: better handling of ...`,
   * `graphql-request-base-query: bump ...`): it may name the project, as a scope would.
   */
  subject?: string;
  /** Path-like tokens: `src/a.ts`, `README.md`. */
  paths: string[];
  /** Code identifiers: backticked tokens, camelCase, PascalCase, snake_case, SCREAMING_CASE, kebab-case names. */
  identifiers: string[];
  /** Lower-case word tokens for text similarity, identifiers split into their words. */
  words: string[];
  /** Identifiers the task removes, drops, renames or inlines: every file that uses one changes with it. */
  removes: string[];
  /**
   * Names the task moves off: "replace deprecated `ENVIRONMENT_INITIALIZER`", "use setTimeout
   * instead of `requestAnimationFrame`". Unlike a removal the name itself stays where it is declared,
   * often in another package; the task's own files that use it change.
   */
  replaces: string[];
  /** "rename `withEffects` to `withEventHandlers`": each new name, with the name it replaces. */
  renames: Map<string, string>;
  /**
   * Capitalised single words inside a sentence (`provide Dispatcher and Events`): maybe a class or
   * type, maybe prose. Only an exported declaration of one counts, so they are kept apart from `identifiers`.
   */
  capitalized: string[];
  /** "migrate unit tests to Vitest": the test runner a task moves the tests to. */
  runnerSwitch?: string;
  /** Packages the task updates ("Update Immer to v11"), normalised: see `bumpedPackages`. */
  bumps: string[];
  /** Packages the task removes ("remove Jest", "remove Jasmine deps"), normalised the same way. */
  drops: string[];
  /**
   * Runs of two or three plain words, kebab-cased, the last one singular: "init command" ->
   * `init-command`, "Update/SoftDelete query builders" -> `update-query-builder`, `soft-delete-query-builder`.
   * Prose often spells a class or file name as words.
   */
  phrases: string[];
}

/** Test runners a project moves between; each spells its name in the tests that use its API (`jest.fn()`). */
export const TEST_RUNNERS = ['jest', 'vitest', 'jasmine', 'karma', 'mocha'] as const;
const RUNNER_SWITCH = new RegExp(`\\b(?:migrat|switch|mov|convert|port|replac)\\w*\\b.*?\\bto\\s+(${TEST_RUNNERS.join('|')})\\b`, 'i');

/**
 * "drop `assertInInjectionContext`", "rename withEffects to ...", "remove deprecated loadedTables and
 * loadedViews": the name right after the verb (past a word that says why it goes), and a second
 * one joined by "and".
 */
const REMOVES = /\b(?:remove|removes|removed|removing|drop|drops|dropped|dropping|rename|renames|renamed|renaming|inline|inlines|inlined|inlining)\s+(?:the\s+)?(?:(?:deprecated|dead|unused|legacy|obsolete|redundant)\s+)?`?([A-Za-z_$][\w$]*)`?(?:\s+and\s+`?([A-Za-z_$][\w$]*))?/gi;

/**
 * "remove redundant standalone flag": a plain word the sentence calls a flag or an option is a
 * property name in code (`standalone: true`), however common the word is in prose.
 */
const PROPERTY_NOUN = /^\s+(?:flags?|options?|propert(?:y|ies)|props?|attributes?|inputs?|fields?|param(?:eter)?s?|settings?|arguments?)\b/i;
/** Words that fill the name's place without being one: "remove all options", "drop any extra flags". */
const NOT_A_PROPERTY = /^(?:all|any|every|each|some|this|that|these|those|extra|unnecessary|duplicated?|old|its|their|our|my|a|an)$/i;

const REPLACES = /\b(?:replac(?:e|es|ed|ing)\s+(?:the\s+)?(?:deprecated\s+|legacy\s+|old\s+)?(?:(?:uses?|usages?|calls?)\s+of\s+)?|instead\s+of\s+(?:the\s+)?)`?([A-Za-z_$][\w$]*)/gi;

const RENAMES = /\brenam(?:e|es|ed|ing)\s+`?([A-Za-z_$][\w$]*)`?\s+(?:to|into|as)\s+`?([A-Za-z_$][\w$]*)`?/gi;

/**
 * "crashes on `@let` declarations inside `@for` blocks": a keyword in backticks is syntax, not a
 * name. Looked up, `let` is in every file, and its users are noise.
 */
const RESERVED_WORDS = new Set(
  'break case catch class const continue debugger default delete else enum export extends false finally for function import in instanceof let new null return super switch this throw true try typeof var void while with yield async await static'.split(' '),
);

/**
 * Products spelled in camel case that prose names, not code: "ci: use GitHub app to generate token"
 * looked up `GitHub` and predicted the docs site's footer, which links to it. In backticks they
 * still count.
 */
const PRODUCT_NAMES = new Set(['GitHub', 'GitLab', 'JavaScript', 'TypeScript', 'YouTube', 'LinkedIn', 'StackBlitz', 'CodeSandbox', 'StackOverflow', 'VSCode', 'WebStorm', 'IntelliJ', 'macOS', 'iOS', 'iPhone', 'iPad']);

const TYPE_SPELLINGS: Record<string, string> = { tests: 'test', doc: 'docs', features: 'feat', feature: 'feat', bugfix: 'fix' };

const CONVENTIONAL = /^\s*([a-z]+)(?:\(([^)]*)\))?!?:\s*/i;
/** A word and a colon opening a title, with no scope in parentheses. */
const SUBJECT_PREFIX = /^\s*([a-z][\w.-]*):\s/i;
/** Commit types in use beyond the conventional ones: a word before the colon that is none of them names what the task is about. */
const COMMIT_TYPES = new Set(['feat', 'fix', 'fixes', 'hotfix', 'docs', 'chore', 'chores', 'test', 'refactor', 'perf', 'build', 'ci', 'style', 'revert', 'release', 'deps', 'types', 'dx', 'patch', 'wip', 'security', 'merge', ...Object.keys(TYPE_SPELLINGS)]);
/** An npm package name and a colon opening a subject: `@trpc/upgrade: ...`. */
const PACKAGE_PREFIX = /^\s*(@[a-z0-9][\w.-]*\/[\w.-]+):\s/i;

/** Words that join a phrase's parts rather than belong to a name. */
const PHRASE_BREAKS = new Set('a an and are as at be by for from in into is it its of on or that the this to was were will with without when while after before via which not do does can we you they our your'.split(' '));

/** See PromptFacts.phrases. */
function phrasesIn(body: string): string[] {
  const out = new Set<string>();
  for (const line of body.split(/[\n.;:!?,()]+/)) {
    // Each position holds one word or its alternatives (`Update/SoftDelete`); anything else breaks the run.
    const slots: string[][] = [];
    const flush = () => {
      for (let n = 2; n <= 3; n++) {
        for (let at = 0; at + n <= slots.length; at++) {
          let runs: string[][] = [[]];
          for (const options of slots.slice(at, at + n)) runs = runs.flatMap((run) => options.map((word) => [...run, word])).slice(0, 8);
          for (const run of runs) {
            const last = run[run.length - 1]!;
            for (const tail of new Set([last, singular(last)])) out.add([...run.slice(0, -1), tail].flatMap((word) => splitIdentifier(word)).join('-'));
          }
        }
      }
      slots.length = 0;
    };
    for (const token of line.split(/\s+/).filter(Boolean)) {
      const options = token.split('/');
      if (options.every((word) => /^[A-Za-z][a-z]+$|^[A-Z][a-z]+[A-Z][a-z]+$/.test(word)) && !options.some((word) => PHRASE_BREAKS.has(word.toLowerCase()))) slots.push(options);
      else flush();
    }
    flush();
  }
  return [...out];
}

const STOPWORDS = new Set(
  ('a an and are as at be by for from has have in into is it its of on or that the this to was were will with without ' +
    'add adds added allow allows update updates updated fix fixes fixed use uses using make makes new now when should ' +
    'support correct correctly change changes remove removes removed improve improves handle handles not do does can all ' +
    'only also more than some same other each every via which while after before instead de our your we you they them task')
    .split(' '),
);

/**
 * A past commit's conventional type and whether it has a scope, read from its subject alone:
 * `docs: add alumni section` is unscoped docs work, `docs(store): ...` is the store's.
 */
export function commitKind(subject: string): { type?: string; scoped: boolean } {
  const match = CONVENTIONAL.exec(subject);
  const written = match?.[1]?.toLowerCase();
  if (written === undefined || !COMMIT_TYPES.has(written)) return { type: impliedType(subject), scoped: false };
  return { type: TYPE_SPELLINGS[written] ?? written, scoped: (match?.[2] ?? '').trim() !== '' };
}

/** A title's opening verb that says what kind of work it is, as a conventional type would. */
const IMPLIED_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^\s*(fix|fixes|fixed|fixing)\b(?!:)/i, 'fix'],
  [/^\s*(document|documents|documented|documenting)\b/i, 'docs'],
  [/^\s*(add|write|adds|improve)\s+(unit\s+|type\s+|more\s+|missing\s+)?tests?\b/i, 'test'],
  [/^\s*(refactor|refactors|refactored|refactoring)\b(?!:)/i, 'refactor'],
];

/**
 * "Fix the footer's links" is a fix and "Document the websocket options" docs work, as `fix:` and
 * `docs:` are: prose titles (a sprint list, a repository that writes no conventional commits) say
 * their kind with their first verb. Read the same way from past commits' subjects.
 */
function impliedType(title: string): string | undefined {
  return IMPLIED_TYPES.find(([pattern]) => pattern.test(title))?.[1];
}

export function readPrompt(text: string): PromptFacts {
  // The conventional-commit line need not come first: a task file may open with a heading.
  const lines = text.split('\n').map((line) => line.replace(/^#+\s*/, ''));
  const conventionalLine = lines.find((line) => CONVENTIONAL.test(line) && /^\s*[a-z]+(\([^)]*\))?!?:\s/i.test(line));
  const conventional = conventionalLine === undefined ? null : CONVENTIONAL.exec(conventionalLine);
  // Only a title's opening counts, the task's or, in a bare Markdown task file, its first line's;
  // a line further down such as `Context: ...` is prose.
  // A title the body repeats as its heading (`title: Task` over `# Task`) is one line, not two.
  const openingLines = lines.filter((line, at) => line.trim() !== '' && lines.findIndex((other) => other.trim() === line.trim()) === at).slice(0, 2);
  const title = openingLines.find((line) => SUBJECT_PREFIX.test(line)) ?? '';
  const opening = SUBJECT_PREFIX.exec(title)?.[1]?.toLowerCase();
  const subject = opening !== undefined && !COMMIT_TYPES.has(opening) ? opening : undefined;
  const written = subject !== undefined && conventionalLine === title ? undefined : conventional?.[1]?.toLowerCase();
  // `tests:` and `doc:` are common spellings of the conventional `test:` and `docs:`.
  const type = written === undefined ? openingLines.map(impliedType).find((implied) => implied !== undefined) : (TYPE_SPELLINGS[written] ?? written);
  // A subject may open with the package it is about instead: `@trpc/upgrade: fix ...`.
  const packageLine = conventionalLine === undefined ? lines.find((line) => PACKAGE_PREFIX.test(line)) : undefined;
  const scopes = (conventional?.[2] ?? (packageLine === undefined ? '' : PACKAGE_PREFIX.exec(packageLine)![1]!))
    .split(/[,\s]+/)
    // `chore(\`@trpc/upgrade\`)`: a scope may be quoted like code.
    .map((scope) => scope.replace(/[`'"]/g, '').trim().toLowerCase())
    .filter(Boolean);
  const paths = mentionedPaths(text);
  const identifiers = new Set<string>();
  for (const match of text.matchAll(/`([^`\n]{2,80})`/g)) {
    for (const part of match[1]!.split(/[^A-Za-z0-9_$.-]+/)) {
      const clean = part.replace(/^[.-]+|[.-]+$/g, '').replace(/\(\)$/, '');
      if (clean.length >= 3 && !/^\d/.test(clean) && !RESERVED_WORDS.has(clean)) identifiers.add(clean);
    }
  }
  for (const match of text.matchAll(/\[([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\]/g)) identifiers.add(match[1]!);
  for (const match of text.matchAll(/\b([A-Za-z_$][A-Za-z0-9_$]*)\b/g)) {
    const word = match[1]!;
    if (PRODUCT_NAMES.has(word)) continue;
    if (/[a-z][A-Z]/.test(word) || /^[A-Z][a-z0-9]+[A-Z]/.test(word) || /^[a-z0-9]+_[a-z0-9_]+$/.test(word) || /^[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]$/.test(word)) identifiers.add(word);
  }
  for (const match of text.matchAll(/\b([a-z][a-z0-9]*(?:-[a-z0-9]+){1,5})\b/g)) identifiers.add(match[1]!);
  for (const scope of scopes) for (const name of [scope, ...scope.split(/[^a-z0-9_$.-]+/)]) identifiers.delete(name);
  // A file the prompt names by its file name is that file: `dot-notation.test.ts` is the test, and
  // its stem does not also name the rule's source and docs page.
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (/\.[a-z]{1,5}$/i.test(name)) identifiers.delete(name.replace(/(\.[a-z0-9-]+)+$/i, ''));
  }
  const openingLine = conventionalLine ?? packageLine;
  const body = openingLine === undefined ? text : lines.map((line) => (line === openingLine ? line.replace(conventionalLine === undefined ? PACKAGE_PREFIX : CONVENTIONAL, '') : line)).join('\n');
  const isCodeName = (name: string) => identifiers.has(name) || /^[A-Z][a-z0-9]+[A-Z]/.test(name);
  const removes = [...text.matchAll(REMOVES)].flatMap((match) => {
    const names = [match[1]!, match[2]].filter((name) => name !== undefined);
    const property = match[2] === undefined && !NOT_A_PROPERTY.test(match[1]!) && !PROPERTY_NOUN.test(` ${match[1]!}`) && PROPERTY_NOUN.test(text.slice(match.index! + match[0].length));
    return names.filter((name) => isCodeName(name) || property);
  });
  const replaces = [...text.matchAll(REPLACES)].map((match) => match[1]!).filter(isCodeName);
  // Inside a sentence: after a word on the same line, not after a full stop, a line break or a list bullet.
  const capitalized = [...body.matchAll(/(?<=[A-Za-z0-9,;)`'"][ \t]+)([A-Z][a-z0-9]{2,})\b/g)].map((match) => match[1]!).filter((word) => !identifiers.has(word));
  const renames = new Map([...text.matchAll(RENAMES)].map((match) => [match[2]!, match[1]!]));
  return { type, scopes, ...(subject !== undefined && scopes.length === 0 ? { subject } : {}), paths, identifiers: [...identifiers], words: words(body), removes: [...new Set(removes)], replaces: [...new Set(replaces)], renames, capitalized: [...new Set(capitalized)], runnerSwitch: RUNNER_SWITCH.exec(text)?.[1]?.toLowerCase(), bumps: bumpedPackages(text), drops: droppedPackages(text), phrases: phrasesIn(body) };
}

/** Lower-case content words; identifiers also yield their parts (`patchState` -> patch, state). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const token of text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) {
    const parts = splitIdentifier(token);
    for (const part of parts.length > 1 ? [token.toLowerCase(), ...parts] : parts) {
      if (part.length >= 3 && !STOPWORDS.has(part)) out.push(part);
    }
  }
  return out;
}

/** `rxMethod` -> [rx, method]; `with-hooks` -> [with, hooks]; `HTTPClient` -> [http, client]. */
export function splitIdentifier(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.$/]+/)
    .map((part) => part.toLowerCase())
    .filter(Boolean);
}

/** `migrations` -> `migration`, `events` -> `event`: plurals compared loosely, short words and `-ss` left alone. */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  return lower.length > 4 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
}

/** `withHooks` -> `with-hooks`: how identifiers usually become file names. */
export function kebabCase(identifier: string): string {
  return splitIdentifier(identifier).join('-');
}

/** `no-forward-ref` -> `noForwardRef`: how a file's name is usually spelled in code. */
export function camelCase(identifier: string): string {
  const [first = '', ...rest] = splitIdentifier(identifier);
  return first + rest.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}
