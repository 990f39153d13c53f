import type { Candidate } from './candidate';

const SCORE = 0.6;
/** "bump typescript" in a large monorepo writes every manifest; past this many it is a sweep no list helps. */
const MAX_MANIFESTS = 40;

/**
 * The manifests that list a package the task updates ("Update Immer to v11" writes the
 * `package.json` files that depend on `immer`) or removes ("remove Jest"). A manifest is a hotspot, but here it is the work:
 * it places the task. The lockfile changes too; the merge regenerates it by policy.
 */
export function dependencyBumps(bumped: readonly string[], dependents: ReadonlyMap<string, readonly string[]>, dropped: readonly string[] = []): Candidate[] {
  const out: Candidate[] = [];
  for (const [names, does] of [[bumped, 'updates'], [dropped, 'removes']] as const) {
    for (const name of names) {
      const manifests = dependents.get(name) ?? [];
      if (manifests.length > MAX_MANIFESTS) continue;
      for (const path of manifests) out.push({ path, score: SCORE, reason: `lists the package the task ${does} (${name})`, places: true });
    }
  }
  return out;
}
