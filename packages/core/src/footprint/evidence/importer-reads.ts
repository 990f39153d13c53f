import type { Footprint, FootprintEntry } from '../footprint';
import { isHotspot } from './hotspots';

const CHANGES_CONTRACT = /\b(signature|rename[sd]?|breaking|schema|parameters?|return type|api change|change the (type|shape))\b/i;

/**
 * Importers of the files a task writes will read its result: they are reads (the planner can order
 * a task that reads after the one that writes). When the task changes a signature or a schema, the
 * importers will have to change too: they become writes, with the confidence of a guess.
 */
export function withImporters(footprint: Footprint, prompt: string, importers: ReadonlyMap<string, readonly string[]>, threshold: number): Footprint {
  const written = new Set(footprint.writes.map((entry) => entry.path));
  const contract = CHANGES_CONTRACT.test(prompt);
  const reads = new Map<string, FootprintEntry>(footprint.reads.map((entry) => [entry.path, entry]));
  const writes = [...footprint.writes];
  for (const entry of footprint.writes) {
    if (entry.pattern || entry.confidence < threshold) continue;
    for (const importer of importers.get(entry.path) ?? []) {
      if (written.has(importer)) continue;
      const reason = `imports ${entry.path}`;
      if (contract) {
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
  return { ...footprint, writes: writes.sort(byConfidence), reads: [...reads.values()].sort(byConfidence) };
}
