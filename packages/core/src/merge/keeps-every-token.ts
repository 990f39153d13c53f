import type { ts as TsApi } from 'ts-morph';

type Ts = typeof TsApi;

/**
 * The guard every structural resolution passes: each word a side added (identifiers, keywords,
 * literals, JSX text, comments; more copies than the base had) is in the merged file, and so is
 * every copy of a base word that neither side removed. Words, not lines, because merging specifiers into one import rewrites a line without
 * losing anything.
 */
export function keepsEveryToken(ts: Ts, files: readonly [base: TsApi.SourceFile, ours: TsApi.SourceFile, theirs: TsApi.SourceFile, merged: TsApi.SourceFile]): boolean {
  const [b, o, t, m] = files.map((file) => countWords(ts, file)) as [Counts, Counts, Counts, Counts];
  for (const word of new Set([...o.keys(), ...t.keys()])) {
    const [inBase, inOurs, inTheirs, inMerged] = [b, o, t, m].map((counts) => counts.get(word) ?? 0) as [number, number, number, number];
    if (inMerged < expectedAtLeast(inBase, inOurs, inTheirs)) return false;
  }
  return true;
}

/**
 * The fewest copies of a word a faithful merge has: what each side added (both adding the same
 * word may be one shared addition) plus the base's copies that neither side removed (their removals
 * may be of different copies).
 */
function expectedAtLeast(inBase: number, inOurs: number, inTheirs: number): number {
  const added = Math.max(0, inOurs - inBase, inTheirs - inBase);
  const kept = inBase - Math.max(0, inBase - inOurs) - Math.max(0, inBase - inTheirs);
  return added + Math.max(0, kept);
}

type Counts = Map<string, number>;

function countWords(ts: Ts, file: TsApi.SourceFile): Counts {
  const counts: Counts = new Map();
  const add = (word: string) => counts.set(word, (counts.get(word) ?? 0) + 1);
  const visit = (node: TsApi.Node) => {
    const children = node.getChildren(file);
    if (children.length > 0) return children.forEach(visit);
    const full = node.getFullText(file);
    const start = node.getStart(file) - node.getFullStart();
    for (const comment of full.slice(0, start).match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []) add(comment.trim());
    const text = full.slice(start).trim();
    if (/[\w$'"`]/.test(text) || node.kind === ts.SyntaxKind.JsxText) add(text);
  };
  visit(file);
  return counts;
}
