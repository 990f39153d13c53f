import { isHotspot } from './hotspots';

/** The share of the evidence one project must hold to stand for a task that names none. */
const DOMINANT = 0.6;
/** Less evidence than this, in all, places nothing. */
const ENOUGH = 0.5;
/** A name used in more code files than this (`query`) is a word of the language, not a place. */
const COMMON = 50;

/**
 * The project a task is about when nothing says so: no conventional-commit scope, no task file in
 * a project ("Only run `transformResponse` when a `query` is used"). Each file the evidence places
 * votes for its project with its confidence, and each code name the task writes votes once, split
 * among the projects whose code uses it, unless it is used everywhere. A project with most of the
 * votes stands for the task as a scope would, but softly: nothing outside it is scaled down.
 */
export function inferredProject(
  listed: ReadonlyMap<string, number>,
  identifiers: readonly string[],
  usages: ReadonlyMap<string, readonly string[]>,
  projectRootOf: (file: string) => string | undefined,
): string | undefined {
  const votes = new Map<string, number>();
  // A file outside every project votes for the root: the task may not be one project's.
  const vote = (root: string | undefined, weight: number) => votes.set(root ?? '', (votes.get(root ?? '') ?? 0) + weight);
  for (const [path, confidence] of listed) if (!isHotspot(path)) vote(projectRootOf(path), confidence);
  for (const name of new Set(identifiers)) {
    const users = usages.get(name) ?? [];
    if (users.length > COMMON) continue;
    for (const user of users) vote(projectRootOf(user), 1 / users.length);
  }
  const total = [...votes.values()].reduce((sum, weight) => sum + weight, 0);
  const [root, weight] = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  // The workspace root is no narrower than no project at all.
  if (root === undefined || root === '' || total < ENOUGH || weight! < DOMINANT * total) return undefined;
  return root;
}
