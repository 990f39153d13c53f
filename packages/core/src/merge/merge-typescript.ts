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
    if (children.length > 0 && children.map((child) => child.getFullText(file)).join('') !== node.getFullText(file)) conflict('a node whose children do not cover its text');
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
   * Three-way merge of a list by item keys, as git merges lines but with items: each side's changes
   * are hunks (a run of base items it removed or rewrote, with what it put there, or an insertion
   * between two items it kept). Hunks of the two sides must not touch, with two exceptions: both
   * insert between the same two items (both land, ours first, or in order when the base list is
   * sorted), or both rewrite the same single item (merged inside, recursively). Items both sides
   * kept are merged node by node. Items are texts with their leading trivia.
   */
  private alignedMerge(base: Item[], ours: Item[], theirs: Item[]): string[] {
    const [o, t] = [this.side(base, ours, this.oursFile), this.side(base, theirs, this.theirsFile)];
    const [oh, th] = [hunksOf(o, base.length), hunksOf(t, base.length)];
    const touches = (a: Hunk, b: Hunk) => a.from <= b.to && b.from <= a.to;
    const sorted = isSorted(base.map((item) => item.node.getText(this.baseFile)));
    const addedKeys = new Map<string, string>();
    const additions = (hunk: Hunk, side: SideChanges) => hunk.adds.map((item) => ({ item, file: side.file, text: item.node.getText(side.file) }));
    const merged = new Map<number, { to: number; texts: string[] }>();
    const emit = (from: number, to: number, adds: Array<{ item: Item; file: TsApi.SourceFile; text: string }>) => {
      const texts: string[] = [];
      for (const { item, file, text } of adds) {
        const seen = addedKeys.get(item.key);
        if (seen !== undefined) {
          if (seen === text) continue; // both sides added the same thing: once
          conflict(`both sides added ${describeKey(item.key)} differently`);
        }
        addedKeys.set(item.key, text);
        texts.push(item.node.getFullText(file));
      }
      merged.set(from, { to, texts });
    };
    for (const hunk of oh) {
      const other = th.filter((candidate) => touches(hunk, candidate));
      if (other.length === 0) {
        this.mustNotChange(hunk, t, base);
        emit(hunk.from, hunk.to, additions(hunk, o));
        continue;
      }
      const [theirsHunk] = other;
      if (other.length > 1 || theirsHunk!.from !== hunk.from || theirsHunk!.to !== hunk.to) conflict(`both sides changed the items around ${describeKey(base[Math.max(0, hunk.from)]?.key ?? 'the start')}`);
      if (hunk.from === hunk.to) {
        // Both inserted between the same two items.
        const adds = [...additions(hunk, o), ...additions(theirsHunk!, t)];
        if (sorted) adds.sort((a, b) => compareText(a.text, b.text));
        emit(hunk.from, hunk.to, adds);
      } else if (hunk.to === hunk.from + 1 && hunk.adds.length === 1 && theirsHunk!.adds.length === 1) {
        // Both rewrote the same single item: merge the two rewrites as one node.
        merged.set(hunk.from, { to: hunk.to, texts: [this.node(base[hunk.to]!.node, hunk.adds[0]!.node, theirsHunk!.adds[0]!.node)] });
      } else {
        const [mine, yours] = [additions(hunk, o).map((a) => a.text).join('\n'), additions(theirsHunk!, t).map((a) => a.text).join('\n')];
        if (mine !== yours) conflict(`both sides replaced ${describeKey(base[hunk.to]!.key)}`);
        emit(hunk.from, hunk.to, additions(hunk, o)); // the same change on both sides
      }
    }
    for (const hunk of th) {
      if (oh.some((candidate) => touches(hunk, candidate))) continue;
      this.mustNotChange(hunk, o, base);
      emit(hunk.from, hunk.to, additions(hunk, t));
    }

    const out: string[] = [];
    for (let gap = -1; ; ) {
      const hunk = merged.get(gap);
      if (hunk) {
        out.push(...hunk.texts);
        gap = hunk.to;
      }
      const i = gap + 1;
      if (i >= base.length) break;
      out.push(this.node(base[i]!.node, o.matched[i]!.node, t.matched[i]!.node));
      gap = i;
    }
    return base[0]?.node.parent.kind === this.ts.SyntaxKind.SourceFile || ours[0]?.node.parent.kind === this.ts.SyntaxKind.SourceFile
      ? this.fixLeadingTrivia(out, base, ours, theirs)
      : out;
  }

  /** What one side's hunk removes, the other side must have left as it was. */
  private mustNotChange(hunk: Hunk, other: SideChanges, base: Item[]): void {
    for (let i = hunk.from + 1; i <= hunk.to; i++) {
      const kept = other.matched[i];
      if (kept && kept.node.getText(other.file) !== base[i]!.node.getText(this.baseFile)) conflict(`one side removed ${describeKey(base[i]!.key)}, the other changed it`);
    }
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
      if (index < previous) conflict(`${describeKey(item.key)} was moved`);
      matched[index] = item;
      previous = index;
    }
    return { matched, additions, items, file };
  }
}

/**
 * One side's change to a list: base items from+1..to removed (none for an insertion, from === to),
 * and the items it put in their place. Gap g lies between base items g and g+1 (-1: the start).
 */
interface Hunk {
  from: number;
  to: number;
  adds: Item[];
}

function hunksOf(side: SideChanges, length: number): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  for (let gap = -1; gap < length; gap++) {
    const adds = side.additions.get(gap);
    if (adds) {
      if (current?.to === gap) current.adds.push(...adds);
      else hunks.push((current = { from: gap, to: gap, adds: [...adds] }));
    }
    const next = gap + 1;
    if (next >= length) break;
    if (side.matched[next] !== undefined) current = undefined;
    else if (current?.to === gap) current.to = next;
    else hunks.push((current = { from: gap, to: next, adds: [] }));
  }
  return hunks;
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

/** At least three items in ascending order: a list someone keeps sorted. */
function isSorted(texts: string[]): boolean {
  return texts.length >= 3 && texts.every((text, i) => i === 0 || compareText(texts[i - 1]!, text) <= 0);
}

function compareText(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** An item key short enough for a reason line: its kind and first line. */
function describeKey(key: string): string {
  const line = key.split('\n')[0]!;
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
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
