import type { CommitRecord } from '../sources/history';
import type { Candidate } from './candidate';

/** Files that usually change together with the ones already predicted (mined from history). */
export function coChange(seeds: ReadonlyMap<string, number>, history: readonly CommitRecord[], existing: ReadonlySet<string>): Candidate[] {
  if (seeds.size === 0 || history.length === 0) return [];
  const out: Candidate[] = [];
  for (const [seed, seedScore] of seeds) {
    let seen = 0;
    const together = new Map<string, { count: number; weight: number }>();
    for (const commit of history) {
      if (!commit.files.includes(seed)) continue;
      seen++;
      // A two-file commit is strong evidence that two files belong together; a 30-file sweep is not.
      const weight = 1 / Math.max(1, commit.files.length - 2);
      for (const file of commit.files) {
        if (file === seed) continue;
        const entry = together.get(file) ?? { count: 0, weight: 0 };
        entry.count++;
        entry.weight += weight;
        together.set(file, entry);
      }
    }
    if (seen < 2) continue;
    for (const [file, { count, weight }] of together) {
      const share = weight / seen;
      if (count < 2 || share < 0.2 || !existing.has(file)) continue;
      out.push({ path: file, score: 0.75 * Math.min(1, share) * seedScore, reason: `changed together with ${seed} in ${count} of ${seen} commits` });
    }
  }
  return out;
}
