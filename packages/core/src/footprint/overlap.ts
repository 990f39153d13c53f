import { minimatch } from 'minimatch';
import type { FootprintEntry } from './footprint';

/**
 * The paths two write sets share. A concrete path meets a pattern when the pattern matches it;
 * two patterns meet when one's fixed prefix contains the other's (a cautious over-approximation:
 * the planner would rather serialise than let two agents write the same new file).
 */
export function sharedPaths(a: readonly FootprintEntry[], b: readonly FootprintEntry[]): string[] {
  const shared = new Set<string>();
  for (const left of a) {
    for (const right of b) {
      const hit = meet(left, right);
      if (hit) shared.add(hit);
    }
  }
  return [...shared].sort();
}

function meet(a: FootprintEntry, b: FootprintEntry): string | undefined {
  if (!a.pattern && !b.pattern) return a.path === b.path ? a.path : undefined;
  if (a.pattern && !b.pattern) return minimatch(b.path, a.path, { dot: true }) ? b.path : undefined;
  if (!a.pattern && b.pattern) return minimatch(a.path, b.path, { dot: true }) ? a.path : undefined;
  const pa = fixedPrefix(a.path);
  const pb = fixedPrefix(b.path);
  if (pa.startsWith(pb)) return a.path;
  if (pb.startsWith(pa)) return b.path;
  return undefined;
}

function fixedPrefix(pattern: string): string {
  const segments: string[] = [];
  for (const segment of pattern.split('/')) {
    if (/[*?[\]{}!]/.test(segment)) break;
    segments.push(segment);
  }
  return segments.length === 0 ? '' : `${segments.join('/')}/`;
}
