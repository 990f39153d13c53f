import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { execGit } from '../../git';

export type DeclarationKind = 'function' | 'class' | 'method' | 'property' | 'variable' | 'interface' | 'type' | 'enum';

export interface Declaration {
  file: string;
  kind: DeclarationKind;
  exported: boolean;
}

const SOURCE_FILE = /\.(c|m)?tsx?$|\.(c|m)?jsx?$/;
/** Per prompt: the caps grow with the number of tasks planned together. */
const CANDIDATE_FILES_PER_PROMPT = 60;
const IDENTIFIERS_PER_PROMPT = 24;
/** Names looked up only for their users (removed names, an old test runner), over a whole sprint. */
const MAX_LOOKUPS = 48;
const MAX_PARSED_CHARS = 2_000_000;

/**
 * Where the prompt's identifiers are declared, and which code files use each of them and of the
 * `lookups`. One word-boundary `git grep` narrows the workspace to files that mention them (fast on
 * any size), then ts-morph parses only those files, without a type checker, to tell a declaration
 * from a use. Files that do not parse are skipped with a note.
 */
export async function findDeclarations(
  root: string,
  identifiers: readonly string[],
  prompts = 1,
  /** Capitalised words of prose (`Events`): only a class, interface, type, enum or function of that name is looked for. */
  proseNames: readonly string[] = [],
  /** Names whose users are wanted but whose declaration is not (`jest`, a name the task removes). */
  lookups: readonly string[] = [],
  /** What earlier plans parsed, by file content: a file read before is not parsed again. */
  cache?: DeclarationCache,
): Promise<{ declarations: Map<string, Declaration[]>; usages: Map<string, string[]>; notes: string[]; notesByName: Map<string, string[]> }> {
  const declarations = new Map<string, Declaration[]>();
  const usages = new Map<string, string[]>();
  const notes: string[] = [];
  const notesByName = new Map<string, string[]>();
  const MAX_IDENTIFIERS = IDENTIFIERS_PER_PROMPT * Math.max(1, prompts);
  const MAX_CANDIDATE_FILES = CANDIDATE_FILES_PER_PROMPT * Math.max(1, prompts);
  const valid = (name: string) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
  const code = identifiers.filter(valid).slice(0, MAX_IDENTIFIERS);
  const prose = proseNames.filter((name) => valid(name) && !code.includes(name)).slice(0, MAX_IDENTIFIERS);
  const names = [...code, ...prose];
  const lookupOnly = new Set([...new Set(lookups)].filter((name) => valid(name) && !code.includes(name)).slice(0, MAX_LOOKUPS));
  if (names.length === 0 && lookupOnly.size === 0) return { declarations, usages, notes, notesByName };

  const globs = ['--', '*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs'];
  // One fixed-string walk of the tree for all: a code name anywhere, a prose word (`Store`,
  // mentioned everywhere) only where something declares it (`class Store`), a looked-up name anywhere.
  const patterns = [...code, ...lookupOnly, ...prose.flatMap((name) => ['function', 'class', 'interface', 'type', 'enum'].map((keyword) => `${keyword} ${name}`))];
  // `-o` names the match in each file: which files use which name comes from the same walk.
  const grep = await execGit(root, ['grep', '-o', '-w', '-F', '-I', ...patterns.flatMap((pattern) => ['-e', pattern]), ...globs]);
  for (const name of [...code, ...lookupOnly]) usages.set(name, []);
  const namesIn = new Map<string, Set<string>>();
  // A file that cannot be read in full concerns the tasks that name what it mentions, not the sprint.
  const noteAbout = (file: string, note: string) => {
    for (const name of namesIn.get(file) ?? []) notesByName.set(name, [...(notesByName.get(name) ?? []), note]);
  };
  const filesWith = new Map<string, number>();
  for (const line of grep.stdout.split('\n')) {
    const colon = line.lastIndexOf(':');
    const file = line.slice(0, colon);
    if (colon < 0 || !SOURCE_FILE.test(file) || file.endsWith('.d.ts')) continue;
    const match = line.slice(colon + 1);
    // A file that only uses a looked-up name has nothing to parse.
    if (!lookupOnly.has(match)) {
      const inFile = namesIn.get(file) ?? new Set<string>();
      if (!inFile.has(match)) filesWith.set(match, (filesWith.get(match) ?? 0) + 1);
      inFile.add(match);
      namesIn.set(file, inFile);
    }
    const files = usages.get(match);
    if (files && files.at(-1) !== file) files.push(file);
  }
  // The cap below cuts the files of the commonest names first: a rare name (`transformResponse`)
  // says where the work is, a common one beside it (`query`, in 180 files) would fill the cap.
  const rarity = new Map([...namesIn].map(([file, names]) => [file, Math.min(...[...names].map((name) => filesWith.get(name)!))]));
  const candidates = [...namesIn.keys()].sort((a, b) => rarity.get(a)! - rarity.get(b)!);
  if (candidates.length === 0) return { declarations, usages, notes, notesByName };
  if (candidates.length > MAX_CANDIDATE_FILES) notes.push(`identifiers mentioned in ${candidates.length} files; parsed the first ${MAX_CANDIDATE_FILES} that declare one, the rarest names' first`);

  // Cheap textual filter first: a file that declares one of the names says `function name`, `class name`, `name(`, `name =` or `name:`.
  const wanted = new Set(names);
  // Prose words are common (`Store(`, `Events:`): only a type-level declaration of one is worth a parse.
  const either = (list: readonly string[]) => list.map(escape).join('|');
  const declarer = new RegExp(
    [
      ...(code.length > 0 ? [`(?:function\\*?|class|interface|type|enum|const|let|var|namespace)\\s+(${either(code)})\\b|\\b(${either(code)})\\s*(?:[(<=:]|\\?[:(])`] : []),
      ...(prose.length > 0 ? [`(?:function|class|interface|type|enum)\\s+(${either(prose)})\\b`] : []),
    ].join('|'),
  );
  const texts = new Map<string, string>();
  for (const file of candidates) {
    if (texts.size >= MAX_CANDIDATE_FILES) break;
    const text = await readFile(`${root}/${file}`, 'utf8').catch(() => undefined);
    if (text === undefined || !declarer.test(text)) continue;
    // Generated bundles and fixtures run to megabytes; a parse of one costs more than the rest of the plan.
    if (text.length > MAX_PARSED_CHARS) noteAbout(file, `${file}: ${(text.length / 1_000_000).toFixed(1)} MB, over the ${MAX_PARSED_CHARS / 1_000_000} MB parse limit: the names it declares were not read`);
    else texts.set(file, text);
  }
  if (texts.size === 0) return { declarations, usages, notes, notesByName };

  // One in-memory project per lookup, made on the first parse: a plan whose files are all cached never loads ts-morph.
  let project: import('ts-morph').Project | undefined;
  const parse = (file: string, text: string) => {
    // require, not import(): the compiled CommonJS would otherwise load ts-morph through the ESM loader.
    project ??= new (require('ts-morph') as typeof import('ts-morph')).Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: true } });
    return parseDeclarations(project, file, text);
  };
  for (const [file, text] of texts) {
    const key = contentKey(text);
    const parsed = cache?.get(key) ?? parse(file, text);
    cache?.set(key, parsed);
    if (parsed.error) noteAbout(file, `${file}: could not parse (${parsed.error})`);
    if (parsed.syntaxError) noteAbout(file, `${file}:${parsed.syntaxError.line}: syntax error (${parsed.syntaxError.message}): its declarations read as far as the parser recovers`);
    for (const [name, kind, exported] of parsed.declarations) {
      if (!wanted.has(name)) continue;
      const list = declarations.get(name) ?? [];
      const known = list.find((entry) => entry.file === file && entry.kind === kind);
      if (!known) list.push({ file, kind, exported });
      else known.exported ||= exported;
      declarations.set(name, list);
    }
  }
  return { declarations, usages, notes, notesByName };
}

function escape(text: string): string {
  return text.replace(/[$]/g, '\\$');
}

/** Everything one file declares, whatever the prompts ask for, so that a cache of it serves any later sprint. */
export interface ParsedDeclarations {
  declarations: [name: string, kind: DeclarationKind, exported: boolean][];
  syntaxError?: { line: number; message: string };
  error?: string;
}

/** Parsed files by content (`contentKey`): an in-memory map, or one a plan keeps on disk. */
export interface DeclarationCache {
  get(key: string): ParsedDeclarations | undefined;
  set(key: string, parsed: ParsedDeclarations): void;
}

function contentKey(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function parseDeclarations(project: import('ts-morph').Project, file: string, text: string): ParsedDeclarations {
  const { Node, ts } = require('ts-morph') as typeof import('ts-morph');
  let source;
  try {
    source = project.createSourceFile(file, text, { overwrite: true });
  } catch (error) {
    return { declarations: [], error: (error as Error).message.split('\n')[0] };
  }
  const out: ParsedDeclarations = { declarations: [] };
  // The parser recovers from syntax errors, so the file still counts, but what it declares after
  // the error may be misread: say where.
  const syntaxError = (source.compilerNode as { parseDiagnostics?: readonly import('ts-morph').ts.DiagnosticWithLocation[] }).parseDiagnostics?.[0];
  if (syntaxError) out.syntaxError = { line: source.getLineAndColumnAtPos(syntaxError.start).line, message: ts.flattenDiagnosticMessageText(syntaxError.messageText, ' ') };
  const seen = new Set<string>();
  const add = (name: string | undefined, kind: DeclarationKind, exported: boolean) => {
    if (!name || seen.has(`${kind} ${name}`)) return;
    seen.add(`${kind} ${name}`);
    out.declarations.push([name, kind, exported]);
  };
  for (const fn of source.getFunctions()) add(fn.getName(), 'function', fn.hasExportKeyword());
  for (const cls of source.getClasses()) {
    add(cls.getName(), 'class', cls.hasExportKeyword());
    for (const method of cls.getMethods()) add(method.getName(), 'method', cls.hasExportKeyword());
    for (const property of cls.getProperties()) add(property.getName(), 'property', cls.hasExportKeyword());
  }
  for (const iface of source.getInterfaces()) {
    add(iface.getName(), 'interface', iface.hasExportKeyword());
    for (const member of iface.getMembers()) if (Node.isPropertySignature(member) || Node.isMethodSignature(member)) add(member.getName(), 'property', iface.hasExportKeyword());
  }
  for (const alias of source.getTypeAliases()) {
    add(alias.getName(), 'type', alias.hasExportKeyword());
    // `type Definition = { transformResponse?(...): R }` declares members as an interface would.
    // Walked as compiler nodes: wrapping every descendant of a large type in ts-morph nodes costs more than the parse.
    const exported = alias.hasExportKeyword();
    const visit = (node: import('ts-morph').ts.Node): void => {
      if ((ts.isPropertySignature(node) || ts.isMethodSignature(node)) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) add(node.name.text, 'property', exported);
      ts.forEachChild(node, visit);
    };
    visit(alias.compilerNode);
  }
  for (const enumeration of source.getEnums()) add(enumeration.getName(), 'enum', enumeration.hasExportKeyword());
  for (const statement of source.getVariableStatements()) {
    for (const declaration of statement.getDeclarations()) add(declaration.getName(), 'variable', statement.hasExportKeyword());
  }
  // `export { a, b }` lists export names declared without the keyword
  for (const list of source.getExportDeclarations()) {
    if (list.getModuleSpecifier()) continue;
    const names = new Set(list.getNamedExports().map((specifier) => specifier.getName()));
    for (const entry of out.declarations) if (names.has(entry[0])) entry[2] = true;
  }
  return out;
}
