import type { Task } from '../tasks';
import type { Project } from '../workspace';
import { isInside, owningProject } from '../workspace';
import type { Candidate } from './evidence/candidate';
import { analogousCommits } from './evidence/analogous-commits';
import { coChange } from './evidence/co-change';
import { declaredGlobs } from './evidence/declared-globs';
import { declaredSymbols } from './evidence/declared-symbols';
import { historySimilarity, routineFiles } from './evidence/history-similarity';
import { hotFiles } from './evidence/hot-files';
import { isHotspot } from './evidence/hotspots';
import { routeHandlers } from './evidence/route-handlers';
import { dependencyBumps } from './evidence/dependency-bumps';
import { routesIn } from './sources/routes';
import { isTaskFile } from '../tasks/discover-tasks';
import { isCodeFile, isTestFile, mentionedFiles, stemOf } from './evidence/mentioned-files';
import { namedPhrases } from './evidence/named-phrases';
import { namedFolders } from './evidence/named-folders';
import { newFiles } from './evidence/new-files';
import { ABOUT_TYPES, pairedTests } from './evidence/paired-tests';
import { pathWords } from './evidence/path-words';
import { isDocsPage, isGeneratedOutput } from './evidence/file-roles';
import { removedNameUsers, replacedNameUsers } from './evidence/removed-names';
import { namedUsers } from './evidence/named-users';
import { inferredProject } from './evidence/inferred-project';
import { typeProjects } from './evidence/type-projects';
import { namedAreas } from './evidence/named-areas';
import { testArea } from './evidence/test-area';
import { newFamilies } from './evidence/new-family';
import { kindListings, LISTED_CREATION } from './evidence/kind-listings';
import { ciConfig, isToolConfig, removedToolConfigs, toolConfig } from './evidence/tool-config';
import { incomingRunnerConfig, outgoingRunnerUsers } from './evidence/test-runner-switch';
import { foldersTheTaskNames, projectNamedBy, projectsNamedInProse, readScopes } from './evidence/scope';
import { publicApi } from './evidence/public-api';
import type { Footprint, FootprintEntry } from './footprint';
import { kebabCase, readPrompt, words, type PromptFacts } from './prompt/read-prompt';
import type { Declaration } from './sources/declarations';
import type { CommitRecord } from './sources/history';

/** Everything the predictor may look at. Only `files` and `projects` are required. */
export interface FootprintContext {
  files: readonly string[];
  projects: readonly Project[];
  history?: readonly CommitRecord[];
  declarations?: ReadonlyMap<string, readonly Declaration[]>;
  /** Code files that use each name the prompts write, remove or replace, and an outgoing test runner. */
  usages?: ReadonlyMap<string, readonly string[]>;
  /** The manifests that depend on each package the prompts update, by normalised package name. */
  dependents?: ReadonlyMap<string, readonly string[]>;
  /** Files that register each HTTP route the prompts name, by route path. */
  routeFiles?: ReadonlyMap<string, readonly string[]>;
  /**
   * Which names of the new files' siblings each file spells (`kindSpellings`): known once a first
   * prediction has said which files the tasks create. Without it, no listing of a kind is predicted.
   */
  spellings?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Why evidence is missing (shallow clone, a manifest that does not parse): shown with every footprint. */
  notes?: readonly string[];
  /** Why a name's files were not read in full (a syntax error, a huge file): shown with the tasks that write the name. */
  notesByName?: ReadonlyMap<string, readonly string[]>;
}

/** Words that say a task is about documentation, whatever its type. */
const ABOUT_DOCS = /\b(readme|docs?|documentation|guides?|tutorials?|changelog|typos?)\b/i;

/** Entries at or above this confidence are the predicted write set: what the planner and `--format paths` use. */
export const WRITE_THRESHOLD = 0.4;
/** Entries below this are dropped, even from the explained output. */
const REPORT_FLOOR = 0.1;
/** Files outside the projects a conventional-commit scope names keep this share of their score. */
const OUTSIDE_SCOPE = 0.4;
/** When nothing places a task, its best candidates at or above this confidence are raised to the threshold. */
const GUESS_FLOOR = 0.2;
const GUESSES = 3;
const GUESS_SPREAD = 0.75;
const STAND_INS_BESIDE_GUESSES = 2;
/** A file that none of a routine task's past commits changed keeps this share of its score. */
const ROUTINE_OUTSIDER = 0.6;
/** A snapshot or generated module keeps this share of its score, unless the task is about snapshots or generation. */
const GENERATED = 0.4;

/**
 * The evidence reads this much of a task's title and prompt. What places a task is in its opening
 * lines; a pasted megabyte of log took 7 s to read whole on ngrx (every word a name to look up).
 */
export const MAX_TASK_TEXT = 20_000;

/** The task text the evidence reads: its title, then its prompt, cut at MAX_TASK_TEXT characters. */
export function taskText(task: Pick<Task, 'title' | 'prompt'>): string {
  const text = `${task.title}\n${task.prompt}`;
  return text.length > MAX_TASK_TEXT ? text.slice(0, MAX_TASK_TEXT) : text;
}

/**
 * Predicts the files a task will write. Evidence: declared `touches`, paths and file names in the
 * prompt, files that declare identifiers the prompt names, the conventional-commit scope's project,
 * similar past commits, files that change together with the predicted ones, and their tests.
 * Scores of one path combine as independent evidence (1 - product of (1 - s)). Pure: data in, data out.
 */
export function predictFootprint(task: Task, context: FootprintContext): Footprint {
  const text = taskText(task);
  const written = readPrompt(text);
  const facts = withProjectsNamedInProse(written, text, task, context.projects);
  // A scope says the work is the project's; a name in a sentence only says where it starts.
  const scopeWritten = facts === written;
  const { files, existing, index } = filesOf(context.files);
  const projectRootOf = (file: string) => owningProject(context.projects, file)?.root;
  const { taskProjectRoot, scopeRoots, roots, thingScopes } = focusOf(task, facts, context.projects, files);
  const history = context.history ?? [];

  const combined = new Combined();
  combined.add(declaredGlobs(task.touches, context.files));
  // "fix the of_type test": a task about tests may name a test by the file it is named after.
  const aboutTests = facts.type === 'test' || facts.words.some((word) => /^(tests?|specs?)$/.test(word));
  // A scope that names no project or folder may name a file: `fix(version-utils)` -> VersionUtils.ts.
  // So may a scope that names a thing with files in several places (`docs(no-nested-tags)`).
  const namedByScope = scopeRoots.length === 0 ? facts.scopes : thingScopes;
  const mentioned = mentionedFiles(facts.paths, [...facts.identifiers, ...namedByScope], files, index.stems, taskProjectRoot, index.testsByStem, aboutTests, roots);
  combined.add(mentioned);
  combined.add(namedPhrases(facts.phrases, index.stems));
  combined.add(namedFolders(text, facts.paths.filter((path) => !facts.scopes.includes(path)), files));
  const declared = declaredSymbols(facts.identifiers, context.declarations ?? new Map(), facts.capitalized);
  combined.add(declared);
  // The files that list a new thing's kind are added last: the scope does not scale them down,
  // since where the kind is listed (a config package beside the plugin) is what history showed.
  let listings: Candidate[] = [];
  if (context.declarations) {
    const declarations = context.declarations;
    const isDeclared = (identifier: string) => (declarations.get(identifier)?.length ?? 0) > 0;
    const created = newFiles(text, facts, isDeclared, roots, files, { ...index, existing }, projectRootOf);
    combined.add(created);
    // The rest of a new thing's files, as its look-alikes have them: its docs page, its test folder.
    const family = newFamilies(text, facts.identifiers.filter((identifier) => !isDeclared(identifier)), facts.words, roots, files, new Set([...existing, ...created.map((entry) => entry.path)]), history);
    combined.add(family.filter((candidate) => candidate.creates));
    listings = family.filter((candidate) => !candidate.creates);
  }
  const removedUsers = removedNameUsers(text, facts.removes, context.usages ?? new Map(), roots);
  combined.add(removedUsers);
  combined.add(replacedNameUsers(facts.replaces, context.usages ?? new Map(), roots));
  if (roots.length > 0) combined.add(namedUsers(facts.identifiers, context.usages ?? new Map(), roots, aboutTests));
  combined.add(routeHandlers(routesIn(text), context.routeFiles ?? new Map()));
  combined.add(dependencyBumps(facts.bumps, context.dependents ?? new Map(), facts.drops));
  const declaringFiles = [...facts.identifiers, ...facts.capitalized].flatMap((name) => (context.declarations?.get(name) ?? []).filter((entry) => entry.exported).map((entry) => entry.file));
  combined.add(publicApi(text, roots, existing, declaringFiles));
  // Seeds for co-change come from direct evidence only: history feeding on history runs away.
  const directSeeds = combined.above(0.5);
  // Within the scope's history the scope word itself says nothing more.
  // A scope that named nothing is a word of the task like the others (`version-utils`: version, utils).
  const query = scopeRoots.length > 0 ? facts.words.filter((word) => !facts.scopes.includes(word)) : [...facts.words, ...facts.scopes.flatMap((scope) => words(scope))];
  const scopeHistory = relevantHistory(history, scopeRoots);
  const similar = historySimilarity(query, scopeHistory, existing);
  combined.add(similar);
  combined.add(analogousCommits(query, history, roots, context.projects, existing));
  const spelled = pathWords(query, files, roots);
  combined.add(spelled);
  combined.add(toolConfig(text, facts.words, roots, files));
  combined.add(ciConfig(facts.type, files));
  combined.add(outgoingRunnerUsers(text, facts.runnerSwitch, roots, files, context.usages ?? new Map()));
  combined.add(incomingRunnerConfig(facts.runnerSwitch, roots, files));
  // A task that names no project may still be about one: where its evidence and its names' users are.
  // Only evidence that names or resembles the work votes: a word in many paths (`unused`) is no place.
  const located = strongest([...mentioned, ...declared, ...similar]);
  const inferred = roots.length === 0 && context.projects.length > 1 ? inferredProject(located, facts.identifiers, context.usages ?? new Map(), projectRootOf) : undefined;
  if (roots.length === 0) combined.add(namedUsers(facts.identifiers, context.usages ?? new Map(), inferred !== undefined ? [inferred] : [], aboutTests));
  combined.add(coChange(directSeeds, history, existing));
  combined.add(pairedTests(combined.above(0.45), index.testsByStem, projectRootOf, facts.type === 'test', ABOUT_TYPES.test(text)));

  // A task done many times before changes what it changed each time; a word of it in another path is chance.
  const routine = routineFiles(query, scopeHistory);
  if (routine) combined.scale((path) => (routine.files.has(path) ? 1 : ROUTINE_OUTSIDER), `a routine task: none of the ${routine.commits} past commits worded like it changed this file`);
  if (scopeRoots.length > 0 && scopeWritten) {
    combined.scale((path) => (scopeRoots.some((root) => isInside(root, path)) ? 1 : OUTSIDE_SCOPE), 'outside the scope\'s project');
  }
  if (facts.type === 'test') combined.scale((path) => (isTestFile(path) ? 1 : 0.8), 'not a test file, in a test task');
  // Documentation work (JSDoc, guides, the docs site) rarely touches tests.
  // A test that uses the name the task removes is the exception: "docs(signals): remove redundant
  // standalone flag" edits the specs that set `standalone: true`.
  const usesRemoved = new Set(removedUsers.map((candidate) => candidate.path));
  if (facts.type === 'docs') combined.scale((path) => (isTestFile(path) && !usesRemoved.has(path) ? 0.5 : 1), 'a test file, in a docs task');
  // A fix or a test is in the code; its docs page changes only when behaviour a user reads about
  // does, or when the task says it is about the docs ("fix typo in the component-store README").
  if ((facts.type === 'fix' || facts.type === 'test') && !ABOUT_DOCS.test(text)) combined.scale((path) => (isDocsPage(path) ? 0.5 : 1), `a documentation page, in a ${facts.type} task`);
  // A snapshot or generated module changes when its tool's output does, which a task rarely sets out to change.
  if (!/\b(snapshots?|generated?|codegen|regenerate)\b/i.test(text)) combined.scale((path) => (isGeneratedOutput(path) ? GENERATED : 1), 'output a tool generates (a snapshot, generated code)');
  combined.add(listings);
  combined.add(removedToolConfigs(text, facts.words, roots, files));
  if (context.spellings) combined.add(kindListings(combined.created(LISTED_CREATION), files, context.spellings));
  // A task that declares its files or writes their paths has said where it works: no area is guessed for it.
  if (task.touches.length === 0 && facts.paths.length === 0) {
    combined.add(namedAreas(roots, query, files));
    if (aboutTests && ![...combined.above(WRITE_THRESHOLD).keys()].some(isTestFile)) combined.add(testArea(roots, files));
  }

  let writes = combined.entries().filter((entry) => entry.confidence >= REPORT_FLOOR);
  const fallback = !combined.placesTheWork(WRITE_THRESHOLD, existing);
  if (fallback) {
    const placed = scopeRoots.length > 0 ? scopeRoots : [taskProjectRoot ?? inferred ?? ''];
    // Nothing at all places it: its kind of work may (`docs:` work lands in the docs site).
    const byType = placed[0] === '' && context.projects.length > 1 ? typeProjects(facts.type, history, projectRootOf) : [];
    const fallbackRoots = byType.length > 0 ? byType : placed;
    const nonRoot = byType.length === 0 && fallbackRoots.some((root) => root !== '');
    // No stand-ins for the workspace root, even in a single-package repository: on typeorm's
    // history 6 of the 78 files they added were right (micro P 0.36 -> 0.28 for the same F1),
    // and the whole project as a pattern keeps such a task safely apart instead.
    // A vague task's own best candidates are right more often than any stand-in (ngrx: micro recall
    // 0.296 -> 0.316 with no real conflict lost), but stand-ins are what keep two vague tasks of a
    // project apart: two of them stay (guesses alone met 0.408 of the real conflicts, not 0.510).
    const guesses = nonRoot ? bestGuesses([...similar, ...spelled], combined, existing) : [];
    // An inferred project's hot files stand in for nothing: on four repositories' history they
    // added 22 files of which 1 was right. Its pattern keeps the task apart instead.
    const standInFiles = nonRoot && fallbackRoots[0] !== inferred ? standIns(fallbackRoots, query, files, history, existing, projectRootOf) : [];
    const hot = nonRoot ? [...guesses, ...standInFiles.slice(0, guesses.length > 0 ? STAND_INS_BESIDE_GUESSES : undefined)] : [];
    if (hot.length > 0) {
      combined.add(hot);
      writes = combined.entries().filter((entry) => entry.confidence >= REPORT_FLOOR);
    } else {
      // No history to say where such work lands: assume anywhere in the project, so the planner
      // keeps the task apart from every other task there.
      writes = [
        ...fallbackRoots.map((root) => ({
          path: root === '' ? '**' : `${root}/**`,
          pattern: true,
          confidence: WRITE_THRESHOLD,
          reasons: [fallbackReason(root, scopeRoots.length > 0 ? 'scope' : taskProjectRoot !== undefined ? 'task' : byType.length > 0 ? 'type' : root !== '' ? 'inferred' : 'none', task.project, facts.type)],
        })),
        ...writes,
      ];
    }
  }
  const long = task.title.length + 1 + task.prompt.length;
  const notes = [
    ...(context.notes ?? []),
    ...new Set([...facts.identifiers, ...facts.capitalized].flatMap((name) => context.notesByName?.get(name) ?? [])),
    ...(inferred !== undefined ? [`names no project: taken to be about ${projectLabel(context.projects, inferred)}, where its names and evidence point`] : []),
    ...(long > MAX_TASK_TEXT ? [`the task's text is ${long.toLocaleString('en-US')} characters long: only its first ${MAX_TASK_TEXT.toLocaleString('en-US')} were read`] : []),
  ];
  return { taskId: task.id, writes: sortEntries(writes), reads: [], fallback, ...(notes.length > 0 ? { notes } : {}) };
}

/** Each file's best score among candidates, at or above the guess floor. */
function strongest(candidates: readonly Candidate[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { path, score } of candidates) if (score >= GUESS_FLOOR && score > (out.get(path) ?? 0)) out.set(path, score);
  return out;
}

/** `api (packages/api)`: the name a user knows, and where it is; the folder alone when they agree. */
function projectLabel(projects: readonly Project[], root: string): string {
  const name = projects.find((project) => project.root === root)?.name;
  return name && name !== root ? `${name} (${root})` : root;
}

function fallbackReason(root: string, why: 'scope' | 'task' | 'inferred' | 'type' | 'none', project: string | undefined, type: string | undefined): string {
  if (why === 'scope') return `nothing more specific: any file of ${root}, which the scope names`;
  if (why === 'type') return `nothing more specific: any file of ${root}, where recent ${type === undefined ? 'commits with no conventional type' : `\`${type}:\` commits`} landed`;
  if (why === 'task' && project) return `nothing more specific: any file of project ${project}`;
  if (why === 'inferred') return `nothing more specific: any file of ${root}, where the task's names and evidence point`;
  return 'nothing more specific: any file of the workspace';
}

/**
 * A vague task's best guesses: the few files that similar past commits or the task's words in
 * paths rank highest, raised to the write threshold when nothing places the task. In the 0.2-0.4
 * band they are right 13-15% of the time; stand-ins never were. Evidence that only backs other
 * evidence (a name's users, two-word phrases) guesses nothing, nor does a tool's config, which
 * only a tooling task writes, nor a hotspot, which every task touches. Only guesses close to the
 * best (within GUESS_SPREAD of it) count: a word that many files spell cannot choose among them.
 */
function bestGuesses(whereWorkLands: readonly Candidate[], combined: Combined, existing: ReadonlySet<string>): Candidate[] {
  const listed = combined.above(GUESS_FLOOR);
  const ranked = [...new Set(whereWorkLands.map((candidate) => candidate.path))]
    .filter((path) => listed.has(path) && existing.has(path) && !isHotspot(path) && !isToolConfig(path))
    .map((path) => [path, listed.get(path)!] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const best = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([, confidence]) => confidence >= GUESS_SPREAD * best)
    .slice(0, GUESSES)
    .map(([path, confidence]) => ({ path, score: 1 - (1 - WRITE_THRESHOLD) / (1 - confidence), reason: `the task's best guess: nothing places it (${confidence.toFixed(2)} before)` }));
}

/** A vague task's stand-in files: from the folder its words name (`events` in `signals`) when that folder has them, else from its projects. */
function standIns(roots: readonly string[], words: readonly string[], files: readonly string[], history: readonly CommitRecord[], existing: ReadonlySet<string>, projectRootOf: (file: string) => string | undefined): Candidate[] {
  const named = foldersTheTaskNames(roots, words, files);
  const narrow = named.length > 0 ? hotFiles(named, history, existing, WRITE_THRESHOLD, projectRootOf) : [];
  return narrow.length > 0 ? narrow : hotFiles(roots, history, existing, WRITE_THRESHOLD, projectRootOf);
}

/** The projects a task is about: the one its title's opening word names, those its conventional-commit scope or its prose names, else the one that owns its task file. */
export function taskFocus(task: Task, context: Pick<FootprintContext, 'files' | 'projects'>): string[] {
  const text = taskText(task);
  return focusOf(task, withProjectsNamedInProse(readPrompt(text), text, task, context.projects), context.projects, filesOf(context.files).files).roots;
}

/**
 * A task with no scope, no project of its own and no project opening its title may still name one
 * in its prose ("fix typo in the component-store README"): that name is read as its scope would be,
 * and no longer as a file's name. Unlike a scope it does not scale down the files outside the
 * project: "migrate standalone-app from Jest to Vitest and remove Jest" also edits the root's
 * configs, and on ngrx's pairs scaling them lost a real conflict.
 */
function withProjectsNamedInProse(facts: PromptFacts, text: string, task: Task, projects: readonly Project[]): PromptFacts {
  if (facts.scopes.length > 0 || facts.subject !== undefined || projects.length < 2) return facts;
  // A task filed in a project may name it again (`codewaves sprint` put "fix typo in the
  // component-store README" in component-store): the name is still the project's, not a file's.
  // Naming another project than its own, it names files there as before.
  const own = projects.find((project) => project.name === task.project)?.root;
  const named = projectsNamedInProse(text, projects).filter((name) => task.project === undefined || readScopes([name], projects, []).roots.includes(own ?? ''));
  if (named.length === 0) return facts;
  // The name's words leave the task's words once for each time it is written, as a scope's would:
  // "bump graphql-request in graphql-request-base-query" keeps `graphql` and `request` once, for the package it bumps.
  const left = [...facts.words];
  const lower = text.toLowerCase();
  for (const name of named) {
    // Written as a whole (`project-service`) or spaced out as prose writes it ("the project service").
    const mentions = new Set([name, name.replace(/-/g, ' ')]);
    for (let times = [...mentions].reduce((sum, form) => sum + lower.split(form).length - 1, 0); times > 0; times--) {
      for (const part of words(name)) if (left.includes(part)) left.splice(left.indexOf(part), 1);
    }
    // "the nuxt module": the word that calls it a package names no file (`module.ts`) either.
    for (const match of lower.matchAll(new RegExp(`\\b${name.replace(/[^a-z0-9]/g, (c) => `\\${c}`)}(?:'s)? (package|library|project|module)s?\\b`, 'g'))) {
      const noun = words(match[1]!)[0];
      if (noun !== undefined && left.includes(noun)) left.splice(left.indexOf(noun), 1);
    }
  }
  const spellings = new Set(named.flatMap((name) => [name, name.slice(name.lastIndexOf('/') + 1)]));
  return { ...facts, scopes: task.project === undefined ? named : [], identifiers: facts.identifiers.filter((identifier) => !spellings.has(identifier.toLowerCase())), words: left };
}

function focusOf(task: Task, facts: Pick<PromptFacts, 'scopes' | 'subject'>, projects: readonly Project[], files: readonly string[]) {
  // A single-package repository has one project, its root: every task is about it.
  const soleRoot = projects.length === 1 && projects[0]!.root === '' ? '' : undefined;
  const taskProjectRoot = projects.find((project) => project.name === task.project)?.root ?? soleRoot;
  const named = facts.subject !== undefined && projects.length > 1 ? projectNamedBy(facts.subject, projects) : undefined;
  const scoped = readScopes(facts.scopes, projects, files);
  const scopeRoots = named !== undefined ? [named] : scoped.roots;
  const roots = scopeRoots.length > 0 ? scopeRoots : taskProjectRoot !== undefined ? [taskProjectRoot] : [];
  return { taskProjectRoot, scopeRoots, roots, thingScopes: scoped.things };
}

/** History narrowed to the scope's projects when there is a scope: similar commits elsewhere mislead. */
function relevantHistory(history: readonly CommitRecord[], scopeRoots: readonly string[]): readonly CommitRecord[] {
  if (scopeRoots.length === 0) return history;
  return history.filter((commit) => commit.files.some((file) => scopeRoots.some((root) => isInside(root, file))));
}

/**
 * What every prediction over the same file list needs, built once per list: planning 50 tasks over
 * 10k files otherwise rebuilt these 50 times (measured: ~1 s of 1.3 s).
 */
const fileIndexes = new WeakMap<readonly string[], { files: string[]; existing: Set<string>; index: ReturnType<typeof fileIndex> }>();

function filesOf(all: readonly string[]) {
  let cached = fileIndexes.get(all);
  if (!cached) {
    // Task files and their transcripts spell task titles: as evidence they would only find themselves.
    const files = all.filter((file) => !isTaskFile(file) && !file.endsWith('.transcript.json'));
    cached = { files, existing: new Set(files), index: fileIndex(files) };
    fileIndexes.set(all, cached);
  }
  return cached;
}

/**
 * Files by stem, and a code file by the stem's kebab-case spelling too: naming conventions differ between
 * projects and between a source and its test (`VersionUtils.ts`, `version-utils.test.ts`), and a
 * prompt may spell either (`fix(version-utils)`, `versionUtils`).
 */
function fileIndex(files: readonly string[]) {
  const stems = new Map<string, string[]>();
  const testsByStem = new Map<string, string[]>();
  for (const file of files) {
    const stem = stemOf(file);
    const target = isTestFile(file) ? testsByStem : stems;
    // The other spelling only for code: a data file (`ofType.json`) is no module named `of_type`.
    for (const key of new Set([stem, isCodeFile(file) ? kebabCase(stem) : stem])) {
      const list = target.get(key) ?? [];
      list.push(file);
      target.set(key, list);
    }
  }
  return { stems, testsByStem };
}

class Combined {
  private readonly byPath = new Map<string, { miss: number; reasons: string[]; pattern?: boolean; creates?: boolean; stated?: Candidate['stated']; places?: boolean }>();

  add(candidates: readonly Candidate[]): void {
    for (const candidate of candidates) {
      const entry = this.byPath.get(candidate.path) ?? { miss: 1, reasons: [], pattern: candidate.pattern };
      entry.miss *= 1 - Math.min(0.99, Math.max(0, candidate.score));
      if (!entry.reasons.includes(candidate.reason)) entry.reasons.push(candidate.reason);
      if (candidate.creates) entry.creates = true;
      if (candidate.places) entry.places = true;
      if (candidate.stated && entry.stated !== 'touches') entry.stated = candidate.stated;
      this.byPath.set(candidate.path, entry);
    }
  }

  /**
   * Whether anything at the threshold says where the work lands: a file the user stated, or a
   * specific existing file that is not a hotspot, or one the evidence places the work in anyway
   * (it declares a name the task writes, or lists the package the task updates). Files the task will create say nothing about
   * which existing files it also edits, and a barrel or manifest says little.
   */
  placesTheWork(threshold: number, existing: ReadonlySet<string>): boolean {
    for (const [path, entry] of this.byPath) {
      if (confidenceOf(entry.miss) < threshold) continue;
      if (entry.stated || (!entry.pattern && existing.has(path) && (entry.places || !isHotspot(path)))) return true;
    }
    return false;
  }

  /** The files the task creates, at or above the threshold, with their confidence. */
  created(threshold: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const [path, entry] of this.byPath) if (entry.creates && !entry.pattern && 1 - entry.miss >= threshold) out.set(path, confidenceOf(entry.miss));
    return out;
  }

  above(threshold: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const [path, entry] of this.byPath) if (!entry.pattern && 1 - entry.miss >= threshold) out.set(path, 1 - entry.miss);
    return out;
  }

  scale(factor: (path: string) => number, why: string): void {
    for (const [path, entry] of this.byPath) {
      const f = factor(path);
      // What the user wrote down (a `touches` glob, a path in the prompt) is not second-guessed by the scope or the task's type.
      if (f >= 1 || entry.stated) continue;
      entry.miss = 1 - (1 - entry.miss) * f;
      entry.reasons.push(why);
    }
  }

  entries(): FootprintEntry[] {
    return [...this.byPath].map(([path, entry]) => ({
      path,
      ...(entry.pattern ? { pattern: true } : {}),
      ...(!entry.pattern && isHotspot(path) ? { hotspot: true } : {}),
      ...(entry.creates ? { creates: true } : {}),
      confidence: confidenceOf(entry.miss),
      reasons: entry.reasons,
    }));
  }
}

function confidenceOf(miss: number): number {
  return Math.round((1 - miss) * 1000) / 1000;
}

function sortEntries(entries: FootprintEntry[]): FootprintEntry[] {
  return entries.sort((a, b) => b.confidence - a.confidence || a.path.localeCompare(b.path));
}

/**
 * The predicted write set as concrete paths: what `--format paths` prints. A footprint that fell
 * back to a whole project has none (the planner uses the project-wide pattern instead); guessing
 * files below the threshold was measured to cost far more precision than it gains recall.
 */
export function predictedPaths(footprint: Footprint, threshold: number = WRITE_THRESHOLD): string[] {
  return footprint.writes.filter((entry) => !entry.pattern && entry.confidence >= threshold).map((entry) => entry.path);
}
