// What each guard keeps apart among a repository's past commits taken two at a time. Pure: the
// cases and each case's footprint in, the rows out (footprint-guard.mjs does the predicting).

/**
 * @param {object} input
 * @param {Array<{ seq?: number, truth: string[] }>} input.cases newest first, as the case files list them
 * @param {(entry: object) => Array<{ path: string, confidence: number, pattern?: boolean }> | undefined} input.writesOf a case's predicted writes, or undefined when it was not predicted
 * @param {number[]} input.guards
 * @param {number} input.distance pairs are at most this many commits apart (`seq`), or places in the list
 */
export function guardPairs({ cases, writesOf, guards, distance }) {
  const placed = [];
  cases.forEach((entry, index) => {
    const writes = writesOf(entry);
    if (writes) placed.push({ at: entry.seq ?? -index, truth: new Set(entry.truth), writes: writes.filter((item) => !item.pattern) });
  });
  const pairs = [];
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      if (Math.abs(placed[i].at - placed[j].at) > distance) continue;
      pairs.push({ a: placed[i], b: placed[j], overlap: [...placed[j].truth].some((path) => placed[i].truth.has(path)) });
    }
  }
  const rows = guards.map((guard) => {
    const at = (writes) => new Set(writes.filter((item) => item.confidence >= guard).map((item) => item.path));
    let overlaps = 0;
    let caught = 0;
    let independent = 0;
    let serialised = 0;
    for (const { a, b, overlap } of pairs) {
      const left = at(a.writes);
      const apart = [...at(b.writes)].some((path) => left.has(path));
      if (overlap) {
        overlaps++;
        if (apart) caught++;
      } else {
        independent++;
        if (apart) serialised++;
      }
    }
    const meanFiles = placed.reduce((sum, item) => sum + at(item.writes).size, 0) / Math.max(1, placed.length);
    return { guard, overlapRecall: caught / Math.max(1, overlaps), falseSerialisation: serialised / Math.max(1, independent), overlaps, caught, independent, serialised, meanFiles };
  });
  return { cases: placed.length, distance, pairs: pairs.length, rows };
}
