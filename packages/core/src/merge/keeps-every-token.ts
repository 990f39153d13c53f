import type { ts as TsApi } from 'ts-morph';

type Ts = typeof TsApi;

/**
 * The guard every structural resolution passes: each word a side added (identifiers, keywords,
 * literals, JSX text, comments; more copies than the base had) is in the merged file as often as
 * that side added it, on top of the copies the other side kept; a word both sides kept is still
 * there. Words, not lines, because merging specifiers into one import rewrites a line without
 * losing anything.
 */
export function keepsEveryToken(ts: Ts, files: readonly [base: TsApi.SourceFile, ours: TsApi.SourceFile, theirs: TsApi.SourceFile, merged: TsApi.SourceFile]): boolean {
  const [b, o, t, m] = files.map((file) => countWords(ts, file)) as [Counts, Counts, Counts, Counts];
  for (const word of new Set([...o.keys(), ...t.keys()])) {
    const [inBase, inOurs, inTheirs, inMerged] = [b, o, t, m].map((counts) => counts.get(word) ?? 0) as [number, number, number, number];
    const addedByOurs = Math.max(0, inOurs - inBase);
    const addedByTheirs = Math.max(0, inTheirs - inBase);
    if (inMerged < addedByOurs + Math.min(inBase, inTheirs)) return false;
    if (inMerged < addedByTheirs + Math.min(inBase, inOurs)) return false;
  }
  return true;
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
