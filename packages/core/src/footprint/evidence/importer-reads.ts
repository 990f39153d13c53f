import type { Footprint, FootprintEntry } from '../footprint';
import { isHotspot } from './hotspots';

/** Past this many importers, a changed signature's importers are not predicted as writes. */
const MAX_IMPORTER_WRITES = 12;
const CHANGES_CONTRACT = /\b(signature|rename[sd]?|breaking|schema|parameters?|return type|api change|change the (type|shape))\b/i;

/**
 * Importers of the files a task writes will read its result: they are reads (the planner can order
 * a task that reads after the one that writes). When the task changes a signature or a schema, the
 * importers will have to change too: they become writes, with the confidence of a guess.
 */
export function withImporters(
  footprint: Footprint,
  prompt: string,
  importers: ReadonlyMap<string, readonly string[]>,
  threshold: number,
  /** When the task renames or removes names whose users are known: the files that use them. Only those importers change. */
  usersOfChangedNames?: ReadonlySet<string>,
): Footprint {
  // An importer the task already guesses it may write, even below the threshold, is not also a read:
  // as reads, those guesses kept 3 more of ngrx's 136 independent pairs apart and no real conflict.
  const written = new Set(footprint.writes.map((entry) => entry.path));
  const contract = CHANGES_CONTRACT.test(prompt);
  const reads = new Map<string, FootprintEntry>(footprint.reads.map((entry) => [entry.path, entry]));
  const writes = [...footprint.writes];
  const notes: string[] = [];
  for (const entry of footprint.writes) {
    if (entry.pattern || entry.confidence < threshold) continue;
    const importing = importers.get(entry.path) ?? [];
    // A signature used everywhere: predicting hundreds of writes would keep the task apart from
    // every other task on a guess. Its importers stay reads, and the note says why.
    const widelyUsed = contract && importing.length > MAX_IMPORTER_WRITES;
    if (widelyUsed) notes.push(`${entry.path} has ${importing.length} importers: if its signature changes they change too, but that many are kept as reads, not predicted writes`);
    for (const importer of importing) {
      if (written.has(importer)) continue;
      const reason = `imports ${entry.path}`;
      // "rename printSql to logQuery": an importer that never says printSql has nothing to rename.
      if (contract && !widelyUsed && (!usersOfChangedNames || usersOfChangedNames.has(importer))) {
        written.add(importer);
        writes.push({
          path: importer,
          confidence: Math.round(entry.confidence * 0.5 * 1000) / 1000,
          reasons: [`${reason}, whose signature the task changes`],
          ...(isHotspot(importer) ? { hotspot: true } : {}),
        });
      } else {
        const read = reads.get(importer) ?? { path: importer, confidence: 0, reasons: [] };
        read.confidence = Math.max(read.confidence, Math.round(entry.confidence * 0.8 * 1000) / 1000);
        if (!read.reasons.includes(reason)) read.reasons.push(reason);
        reads.set(importer, read);
      }
    }
  }
  const byConfidence = (a: FootprintEntry, b: FootprintEntry) => b.confidence - a.confidence || a.path.localeCompare(b.path);
  return {
    ...footprint,
    writes: writes.sort(byConfidence),
    reads: [...reads.values()].sort(byConfidence),
    ...(notes.length > 0 ? { notes: [...(footprint.notes ?? []), ...notes] } : {}),
  };
}
