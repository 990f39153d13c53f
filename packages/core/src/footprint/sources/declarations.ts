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

/**
 * Where the prompt's identifiers are declared. A word-boundary `git grep` narrows the workspace to
 * files that mention them (fast on any size), then ts-morph parses only those files, without a type
 * checker, to tell a declaration from a use. Files that do not parse are skipped with a note.
 */
export async function findDeclarations(root: string, identifiers: readonly string[], prompts = 1): Promise<{ declarations: Map<string, Declaration[]>; notes: string[] }> {
  const declarations = new Map<string, Declaration[]>();
  const notes: string[] = [];
  const MAX_IDENTIFIERS = IDENTIFIERS_PER_PROMPT * Math.max(1, prompts);
  const MAX_CANDIDATE_FILES = CANDIDATE_FILES_PER_PROMPT * Math.max(1, prompts);
  const names = identifiers.filter((name) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)).slice(0, MAX_IDENTIFIERS);
  if (names.length === 0) return { declarations, notes };

  const grep = await execGit(root, ['grep', '-l', '-w', '-F', '-I', ...names.flatMap((name) => ['-e', name]), '--', '*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs']);
  const candidates = grep.stdout.split('\n').filter((file) => SOURCE_FILE.test(file) && !file.endsWith('.d.ts'));
  if (candidates.length === 0) return { declarations, notes };
  if (candidates.length > MAX_CANDIDATE_FILES) notes.push(`identifiers mentioned in ${candidates.length} files; parsed the first ${MAX_CANDIDATE_FILES} that declare one`);

  // Cheap textual filter first: a file that declares one of the names says `function name`, `class name`, `name(`, `name =` or `name:`.
  const wanted = new Set(names);
  const declarer = new RegExp(`(?:function\\*?|class|interface|type|enum|const|let|var|namespace)\\s+(${names.map(escape).join('|')})\\b|\\b(${names.map(escape).join('|')})\\s*(?:[(<=:]|\\?:)`);
  const texts = new Map<string, string>();
  for (const file of candidates) {
    if (texts.size >= MAX_CANDIDATE_FILES) break;
    const text = await readFile(`${root}/${file}`, 'utf8').catch(() => undefined);
    if (text !== undefined && text.length < 2_000_000 && declarer.test(text)) texts.set(file, text);
  }
  if (texts.size === 0) return { declarations, notes };

  // require, not import(): the compiled CommonJS would otherwise load ts-morph through the ESM loader.
  const { Project, Node } = require('ts-morph') as typeof import('ts-morph');
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: true } });
  for (const [file, text] of texts) {
    let source;
    try {
      source = project.createSourceFile(file, text, { overwrite: true });
    } catch (error) {
      notes.push(`${file}: could not parse (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    const add = (name: string | undefined, kind: DeclarationKind, exported: boolean) => {
      if (!name || !wanted.has(name)) return;
      const list = declarations.get(name) ?? [];
      if (!list.some((entry) => entry.file === file && entry.kind === kind)) list.push({ file, kind, exported });
      declarations.set(name, list);
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
    for (const alias of source.getTypeAliases()) add(alias.getName(), 'type', alias.hasExportKeyword());
    for (const enumeration of source.getEnums()) add(enumeration.getName(), 'enum', enumeration.hasExportKeyword());
    for (const statement of source.getVariableStatements()) {
      for (const declaration of statement.getDeclarations()) add(declaration.getName(), 'variable', statement.hasExportKeyword());
    }
    // `export { a, b }` lists export names declared without the keyword
    for (const list of source.getExportDeclarations()) {
      if (list.getModuleSpecifier()) continue;
      for (const specifier of list.getNamedExports()) {
        const local = specifier.getName();
        for (const entry of declarations.get(local) ?? []) if (entry.file === file) entry.exported = true;
      }
    }
  }
  return { declarations, notes };
}

function escape(text: string): string {
  return text.replace(/[$]/g, '\\$');
}
