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

/**
 * The planner itself on batches of consecutive cases, as the shared scorer's waves view batches
 * them, under each policy: how many waves, how many same-wave pairs really changed a common file
 * (collisions), and how many pairs that did not were still kept apart by an edge.
 *
 * @param {object} input
 * @param {Array<{ id: string, prompt: string, truth: string[] }>} input.cases
 * @param {(entry: object) => object | undefined} input.footprintOf a case's whole footprint, or undefined
 * @param {Array<{ name: string, policy: object }>} input.policies
 * @param {(tasks: object[], footprints: Map<string, object>, base: string, policy: object) => { waves: string[][], edges: Array<{ from: string, to: string }> }} input.buildPlan
 * @param {number} [input.size]
 */
export function planBatches({ cases, footprintOf, policies, buildPlan, size = 8 }) {
  const placed = cases.filter((entry) => footprintOf(entry) !== undefined);
  const batches = [];
  for (let start = 0; start + size <= placed.length; start += size) batches.push(placed.slice(start, start + size));
  return policies.map(({ name, policy }) => {
    let waves = 0;
    let overlapping = 0;
    let collisions = 0;
    let independent = 0;
    let keptApart = 0;
    for (const batch of batches) {
      const tasks = batch.map((entry) => ({ id: entry.id, title: entry.prompt, prompt: entry.prompt, touches: [], dependsOn: [], agent: {}, file: `codex/${entry.id}.md` }));
      const footprints = new Map(batch.map((entry) => [entry.id, { ...footprintOf(entry), taskId: entry.id }]));
      const plan = buildPlan(tasks, footprints, 'bench', policy);
      const waveOf = new Map(plan.waves.flatMap((wave, index) => wave.map((id) => [id, index])));
      const edged = new Set(plan.edges.flatMap((edge) => [`${edge.from}\0${edge.to}`, `${edge.to}\0${edge.from}`]));
      waves += plan.waves.length;
      for (let i = 0; i < batch.length; i++) {
        for (let j = i + 1; j < batch.length; j++) {
          const truth = new Set(batch[i].truth);
          if (batch[j].truth.some((path) => truth.has(path))) {
            overlapping++;
            if (waveOf.get(batch[i].id) === waveOf.get(batch[j].id)) collisions++;
          } else {
            independent++;
            if (edged.has(`${batch[i].id}\0${batch[j].id}`)) keptApart++;
          }
        }
      }
    }
    return { name, policy, batches: batches.length, meanWaves: waves / Math.max(1, batches.length), overlapping, collisions, independent, keptApart };
  });
}

/**
 * The shared bench's pairs (two commits from one base, labelled with whether their changes overlap
 * and whether they conflict), kept apart by the planner itself: any edge `conflictEdges` draws
 * between the two tasks at a guard. Unlike the scorer, which sees only paths, this counts what
 * the plan does with the rest of a footprint: a vague task's "anywhere in its project" pattern, a
 * task that reads what the other writes. Each row gives the paths-only view beside it.
 *
 * @param {object} input
 * @param {Array<{ id: string, base: string, overlap: boolean, conflict: boolean, a: { prompt: string }, b: { prompt: string } }>} input.pairs
 * @param {(base: string, prompt: string) => object | undefined} input.footprintOf a task's whole footprint at the pair's base
 * @param {number[]} input.guards
 * @param {(tasks: object[], footprints: Map<string, object>, policy: object) => unknown[]} input.conflictEdges
 */
export function plannerPairs({ pairs, footprintOf, guards, conflictEdges }) {
  const placed = pairs
    .map((pair) => ({ pair, a: footprintOf(pair.base, pair.a.prompt), b: footprintOf(pair.base, pair.b.prompt) }))
    .filter(({ a, b }) => a !== undefined && b !== undefined);
  const task = (id, prompt) => ({ id, title: prompt, prompt, touches: [], dependsOn: [], agent: {}, file: `codex/${id}.md` });
  const rows = guards.map((guard) => {
    const row = { guard, conflicts: 0, conflictsApart: 0, pathsConflictsApart: 0, independent: 0, serialised: 0, pathsSerialised: 0 };
    for (const { pair, a, b } of placed) {
      const footprints = new Map([['a', { ...a, taskId: 'a' }], ['b', { ...b, taskId: 'b' }]]);
      const apart = conflictEdges([task('a', pair.a.prompt), task('b', pair.b.prompt)], footprints, { hotspots: 'serialise', guard }).length > 0;
      const at = (footprint) => new Set(footprint.writes.filter((entry) => !entry.pattern && entry.confidence >= guard).map((entry) => entry.path));
      const left = at(a);
      const byPaths = [...at(b)].some((path) => left.has(path));
      if (pair.conflict) {
        row.conflicts++;
        if (apart) row.conflictsApart++;
        if (byPaths) row.pathsConflictsApart++;
      } else if (!pair.overlap) {
        row.independent++;
        if (apart) row.serialised++;
        if (byPaths) row.pathsSerialised++;
      }
    }
    const share = (count, of) => count / Math.max(1, of);
    return {
      ...row,
      conflictRecall: share(row.conflictsApart, row.conflicts),
      falseSerialisation: share(row.serialised, row.independent),
      pathsConflictRecall: share(row.pathsConflictsApart, row.conflicts),
      pathsFalseSerialisation: share(row.pathsSerialised, row.independent),
    };
  });
  return { pairs: placed.length, rows };
}

/**
 * What a confidence is worth: of the files predicted at each band of confidence, the share the
 * commit really changed. Footprints that something placed and vague ones (`fallback`: the
 * project's stand-ins and the task's best guesses raised to the threshold) are counted apart,
 * since the second kind is there to keep a vague task apart from others, not to name its files.
 *
 * @param {object} input
 * @param {Array<{ truth: string[] }>} input.cases
 * @param {(entry: object) => { fallback?: boolean, writes: Array<{ path: string, confidence: number, pattern?: boolean }> } | undefined} input.footprintOf
 * @param {number[]} [input.bands] the lower bounds of the bands, ascending; the last band runs to 1
 */
export function calibration({ cases, footprintOf, bands = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] }) {
  const rows = bands.map((from, index) => ({ from, to: bands[index + 1] ?? 1, placed: { files: 0, right: 0 }, vague: { files: 0, right: 0 } }));
  for (const entry of cases) {
    const footprint = footprintOf(entry);
    if (!footprint) continue;
    const truth = new Set(entry.truth);
    for (const write of footprint.writes) {
      if (write.pattern) continue;
      const row = rows.findLast((candidate) => write.confidence >= candidate.from);
      if (!row) continue;
      const kind = footprint.fallback ? row.vague : row.placed;
      kind.files++;
      if (truth.has(write.path)) kind.right++;
    }
  }
  return rows;
}
