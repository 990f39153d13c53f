import type { ts as TsApi } from 'ts-morph';
import { keepsEveryToken } from './keeps-every-token';

type Ts = typeof TsApi;
type Node = TsApi.Node;

let loaded: Ts | undefined;
// require, not import(): only a conflicted merge pays for loading the compiler.
const typescript = (): Ts => (loaded ??= (require('ts-morph') as typeof import('ts-morph')).ts);

class Conflict extends Error {}
const conflict = (why: string): never => {
  throw new Conflict(why);
};

/**
 * A structural three-way merge of a TypeScript or JavaScript file, for the conflicts parallel tasks
 * make most: both sides add imports, import specifiers, top-level declarations, class or interface
 * members, object properties, array entries (route tables), statements to the same block. The
 * files are parsed and merged node by node; lists are aligned by what their items declare (a
 * function's name, an import's module, a property's key), so additions from both sides are kept,
 * ours first. A node both sides changed is merged inside only where its children line up; anything
 * else (both edit the same expression, one removes what the other edits) is a real conflict and
 * the result is undefined. The result must parse, declare nothing twice, and contain every word
 * either side added: when unsure, it does not resolve.
 */
export function mergeTypeScriptText(base: string, ours: string, theirs: string, fileName: string): string | undefined {
  const outcome = mergeTypeScript(base, ours, theirs, fileName);
  return 'merged' in outcome ? outcome.merged : undefined;
}

/** The same merge, saying why it declined (the merge benchmark reports the reasons). */
export function mergeTypeScript(base: string, ours: string, theirs: string, fileName: string): { merged: string } | { conflict: string } {
  const ts = typescript();
  const parse = (text: string) => ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(ts, fileName));
  const files = [parse(base), parse(ours), parse(theirs)] as const;
  if (!files.every((file) => parsesCleanly(file))) return { conflict: 'a side does not parse' };
  let merged: string;
  try {
    merged = new StructuralMerge(ts, ...files).node(files[0], files[1], files[2]);
  } catch (error) {
    if (error instanceof Conflict) return { conflict: error.message };
    throw error;
  }
  const result = parse(merged);
  if (!parsesCleanly(result)) return { conflict: 'the merged file does not parse' };
  if (declaresTwice(ts, result)) return { conflict: 'the merged file declares a name twice' };
  if (!keepsEveryToken(ts, [...files, result])) return { conflict: 'the merged file would lose something a side added' };
  return { merged };
}

/** Lists whose items may be added to, removed or reordered independently by the two sides. */
const OPEN_LIST_PARENTS = new Set<string>([
  'SourceFile',
  'Block',
  'ModuleBlock',
  'ClassDeclaration',
  'ClassExpression',
  'InterfaceDeclaration',
  'TypeLiteral',
  'EnumDeclaration',
  'ObjectLiteralExpression',
  'ArrayLiteralExpression',
  'NamedImports',
  'NamedExports',
  'JsxElement',
  'JsxFragment',
  'CaseClause',
  'DefaultClause',
]);

interface Item {
  node: Node;
  key: string;
}

class StructuralMerge {
  constructor(
    private readonly ts: Ts,
    private readonly baseFile: TsApi.SourceFile,
    private readonly oursFile: TsApi.SourceFile,
    private readonly theirsFile: TsApi.SourceFile,
  ) {}

  /** The merged full text (leading trivia included) of one node present in all three versions. */
  node(base: Node, ours: Node, theirs: Node): string {
    const [b, o, t] = [base.getFullText(this.baseFile), ours.getFullText(this.oursFile), theirs.getFullText(this.theirsFile)];
    if (o === t || b === t) return o;
    if (b === o) return t;
    if (base.kind !== ours.kind || base.kind !== theirs.kind) conflict('both sides changed a node into different kinds');
    if (base.kind === this.ts.SyntaxKind.SyntaxList) return this.list(base, ours, theirs);
    const [bc, oc, tc] = [this.children(base, this.baseFile), this.children(ours, this.oursFile), this.children(theirs, this.theirsFile)];
    if (oc.length === 0 || bc.length !== oc.length || bc.length !== tc.length) conflict('both sides changed the same token');
    if (bc.some((child, i) => child.kind !== oc[i]!.kind || child.kind !== tc[i]!.kind)) conflict('both sides changed the shape of the same node');
    return bc.map((child, i) => this.node(child, oc[i]!, tc[i]!)).join('');
  }

  /** Children that together spell the node's full text (JSDoc nodes repeat their trivia, so not them). */
  private children(node: Node, file: TsApi.SourceFile): Node[] {
    const children = node.getChildren(file).filter((child) => !this.ts.isJSDoc(child));
    if (children.map((child) => child.getFullText(file)).join('') !== node.getFullText(file)) conflict('a node whose children do not cover its text');
    return children;
  }

  private list(base: Node, ours: Node, theirs: Node): string {
    const parent = this.ts.SyntaxKind[base.parent.kind];
    const items = (list: Node, file: TsApi.SourceFile) => itemsOf(this.ts, list, file);
    const [bi, oi, ti] = [items(base, this.baseFile), items(ours, this.oursFile), items(theirs, this.theirsFile)];
    const comma = [base, ours, theirs].some((list, i) => list.getChildren([this.baseFile, this.oursFile, this.theirsFile][i]).some((child) => child.kind === this.ts.SyntaxKind.CommaToken));
    if (!OPEN_LIST_PARENTS.has(parent!)) {
      // Parameters, type arguments, heritage clauses...: an added item changes meaning, so only
      // lists of the same length merge, item by item.
      if (bi.length !== oi.length || bi.length !== ti.length) conflict(`both sides changed the items of a ${parent}`);
      return this.join(bi.map((item, i) => this.node(item.node, oi[i]!.node, ti[i]!.node)), ours, comma);
    }
    const merged = this.alignedMerge(bi, oi, ti);
    return this.join(merged, ours, comma);
  }

  private join(texts: string[], ours: Node, comma: boolean): string {
    if (!comma) return texts.join('');
    const trailing = ours.getChildren(this.oursFile).at(-1)?.kind === this.ts.SyntaxKind.CommaToken;
    return texts.join(',') + (trailing && texts.length > 0 ? ',' : '');
  }

  /**
   * Three-way merge of a list by item keys. Items are texts with their leading trivia, in the
   * merged order: base order, each side's additions after the item they follow (ours first).
   */
  private alignedMerge(base: Item[], ours: Item[], theirs: Item[]): string[] {
    const sides = [this.side(base, ours, this.oursFile), this.side(base, theirs, this.theirsFile)] as const;
    const [o, t] = sides;
    const out: string[] = [];
    const addedKeys = new Map<string, string>();
    const emitAdditions = (gap: number) => {
      for (const side of sides) {
        for (const item of side.additions.get(gap) ?? []) {
          const text = item.node.getText(side.file);
          const seen = addedKeys.get(item.key);
          if (seen !== undefined) {
            if (seen === text) continue; // both sides added the same thing: once
            conflict(`both sides added ${item.key} differently`);
          }
          addedKeys.set(item.key, text);
          out.push(item.node.getFullText(side.file));
        }
      }
    };
    // Items both sides rewrote are merged first: their rewrites must not also be emitted as additions.
    const replaced = new Map<number, string>();
    for (let i = 0; i < base.length; i++) {
      if (o.matched[i] !== undefined || t.matched[i] !== undefined) continue;
      const replacement = this.replacement(i, base[i]!, o, t);
      if (replacement === undefined) continue;
      replaced.set(i, replacement);
      o.additions.delete(i - 1);
      t.additions.delete(i - 1);
    }
    emitAdditions(-1);
    for (let i = 0; i < base.length; i++) {
      const [oi, ti] = [o.matched[i], t.matched[i]];
      const replacement = replaced.get(i);
      if (replacement !== undefined) {
        out.push(replacement);
      } else if (oi === undefined && ti === undefined) {
        // Removed by both: fine alone, but both putting something else there is a conflict.
        if ([o, t].every((side) => side.additions.has(i - 1) || side.additions.has(i))) conflict(`both sides replaced ${base[i]!.key}`);
      } else if (oi === undefined || ti === undefined) {
        const [keeper, kept] = oi === undefined ? [t, ti!] : [o, oi];
        if (kept.node.getText(keeper.file) !== base[i]!.node.getText(this.baseFile)) conflict(`one side removed ${base[i]!.key}, the other changed it`);
      } else {
        out.push(this.node(base[i]!.node, oi.node, ti.node));
      }
      emitAdditions(i);
    }
    return base[0]?.node.parent.kind === this.ts.SyntaxKind.SourceFile || ours[0]?.node.parent.kind === this.ts.SyntaxKind.SourceFile
      ? this.fixLeadingTrivia(out, base, ours, theirs)
      : out;
  }

  /**
   * An item both sides rewrote (an unnamed statement, an array entry): each side removed it and put
   * exactly one item in its place, so the two rewrites are merged as one node, or conflict.
   */
  private replacement(i: number, base: Item, o: SideChanges, t: SideChanges): string | undefined {
    const [oa, ta] = [o.additions.get(i - 1) ?? [], t.additions.get(i - 1) ?? []];
    if (oa.length !== 1 || ta.length !== 1 || o.additions.has(i) || t.additions.has(i)) return undefined;
    if (o.matched[i + 1] === undefined || t.matched[i + 1] === undefined) return undefined;
    return this.node(base.node, oa[0]!.node, ta[0]!.node);
  }

  /**
   * A file's first statement carries the file's header (a licence comment and a blank line before
   * the first import); a comment right above it, with no blank line, documents the statement.
   * Whatever ends up first gets ours' header; a header that came along elsewhere is dropped, and the
   * documentation stays with its statement.
   */
  private fixLeadingTrivia(texts: string[], base: Item[], ours: Item[], theirs: Item[]): string[] {
    const header = (items: Item[], file: TsApi.SourceFile) => (items[0] ? splitHeader(leadingTrivia(items[0].node.getFullText(file))).header : '');
    const headers = [header(base, this.baseFile), header(ours, this.oursFile), header(theirs, this.theirsFile)].filter((h) => h.trim() !== '');
    const ourHeader = ours.length > 0 ? header(ours, this.oursFile) : header(base, this.baseFile);
    return texts.map((text, index) => {
      const trivia = leadingTrivia(text);
      const own = headers.some((h) => trivia.startsWith(h)) ? splitHeader(trivia).attached : trivia;
      const body = text.slice(trivia.length);
      if (index === 0) return ourHeader + own.replace(/^\s*\n/, '') + body;
      return (own.includes('\n') ? own : `\n${own.trimStart()}`) + body;
    });
  }

  private side(base: Item[], items: Item[], file: TsApi.SourceFile): SideChanges {
    const baseIndex = new Map(base.map((item, i) => [item.key, i]));
    const matched: Array<Item | undefined> = new Array(base.length).fill(undefined);
    const additions = new Map<number, Item[]>();
    let previous = -1;
    for (const item of items) {
      const index = baseIndex.get(item.key);
      if (index === undefined) {
        additions.set(previous, [...(additions.get(previous) ?? []), item]);
        continue;
      }
      if (index < previous) conflict(`${item.key} was moved`);
      matched[index] = item;
      previous = index;
    }
    return { matched, additions, items, file };
  }
}

interface SideChanges {
  /** Per base item, the same item on this side (undefined: removed). */
  matched: Array<Item | undefined>;
  /** Items this side added, by the base index they follow (-1: the start). */
  additions: Map<number, Item[]>;
  items: Item[];
  file: TsApi.SourceFile;
}

function itemsOf(ts: Ts, list: Node, file: TsApi.SourceFile): Item[] {
  const nodes = list.getChildren(file).filter((child) => child.kind !== ts.SyntaxKind.CommaToken);
  const seen = new Map<string, number>();
  const keys = nodes.map((node) => keyOf(ts, node, file));
  // Whitespace between JSX children belongs to the child after it, so an added child brings its own.
  for (let i = keys.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (ts.isJsxText(node) && node.containsOnlyTriviaWhiteSpaces) keys[i] = `space before ${keys[i + 1] ?? 'end'}`;
  }
  return nodes.map((node, i) => {
    const key = keys[i]!;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    return { node, key: count === 0 ? key : `${key}#${count}` };
  });
}

/** What an item declares, so the same item is recognised on each side even when its body changed. */
function keyOf(ts: Ts, node: Node, file: TsApi.SourceFile): string {
  const kind = ts.SyntaxKind[node.kind];
  const nameOf = (name: TsApi.Node | undefined) => (name ? name.getText(file) : undefined);
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    const bindings = clause?.namedBindings;
    const shape = !clause ? 'side-effect' : `${clause.isTypeOnly ? 'type ' : ''}${clause.name?.text ?? ''}${bindings && ts.isNamespaceImport(bindings) ? ` * as ${bindings.name.text}` : ''}`;
    return `import ${node.moduleSpecifier.getText(file)} ${shape}`;
  }
  if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
    return `export from ${node.moduleSpecifier.getText(file)} ${node.isTypeOnly ? 'type' : ''}${node.exportClause ? '' : '*'}`;
  }
  if (ts.isVariableStatement(node)) return `var ${node.declarationList.declarations.map((d) => d.name.getText(file)).join(',')}`;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const named = node as TsApi.Node & { name?: TsApi.Node };
  if (
    named.name &&
    (ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      ts.isEnumDeclaration(node) ||
      ts.isModuleDeclaration(node) ||
      ts.isClassElement(node) ||
      ts.isTypeElement(node) ||
      ts.isObjectLiteralElementLike(node) ||
      ts.isEnumMember(node))
  ) {
    const isStatic = ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    return `${kind} ${isStatic ? 'static ' : ''}${nameOf(named.name)}`;
  }
  return `text ${node.getText(file)}`;
}

/** Whitespace and comments before the first token of a text. */
function leadingTrivia(text: string): string {
  let end = 0;
  for (;;) {
    while (end < text.length && /\s/.test(text[end]!)) end++;
    if (text.startsWith('//', end)) end = text.includes('\n', end) ? text.indexOf('\n', end) : text.length;
    else if (text.startsWith('/*', end) && text.includes('*/', end + 2)) end = text.indexOf('*/', end + 2) + 2;
    else return text.slice(0, end);
  }
}

/** A first statement's trivia: the file header (through the last blank line) and what documents it. */
function splitHeader(trivia: string): { header: string; attached: string } {
  const blank = [...trivia.matchAll(/\n[ \t]*\n/g)].at(-1);
  if (!blank || !/\S/.test(trivia.slice(0, blank.index))) return { header: '', attached: trivia };
  const end = blank.index! + blank[0].length;
  return { header: trivia.slice(0, end), attached: trivia.slice(end) };
}

function parsesCleanly(file: TsApi.SourceFile): boolean {
  return ((file as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []).length === 0;
}

/** Top-level names bound twice (two imports of one name, two `const x`): a merge that cannot compile. */
function declaresTwice(ts: Ts, file: TsApi.SourceFile): boolean {
  const names = new Set<string>();
  const bind = (name: string) => {
    if (names.has(name)) return true;
    names.add(name);
    return false;
  };
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name && bind(clause.name.text)) return true;
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bind(bindings.name.text)) return true;
      if (bindings && ts.isNamedImports(bindings) && bindings.elements.some((element) => bind(element.name.text))) return true;
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && bind(declaration.name.text)) return true;
      }
    } else if ((ts.isClassDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name && bind(statement.name.text)) {
      return true;
    }
  }
  return false;
}

function scriptKind(ts: Ts, fileName: string): TsApi.ScriptKind {
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export const STRUCTURAL_MERGE_FILES = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
