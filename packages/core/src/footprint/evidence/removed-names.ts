import { isInside } from '../../workspace';
import type { Candidate } from './candidate';

/** A name used in more files than this is a sweep the task text cannot be trusted to mean. */
const MAX_USERS = 6;
const SCORE = 0.5;
/** Deprecating keeps every use working, and a migration rewrites users' code, not this repository's. */
const KEEPS_USERS = /\b(deprecat\w*|migrations?|migrator|schematics?)\b/i;
/** "remove deprecated loadedTables" removes: the word only says why the name goes. */
const REMOVES_DEPRECATED = /\b((?:remov|drop)\w*)\s+(?:the\s+)?deprecated\b/gi;

/**
 * A migration names the things of a past version in strings, to rewrite users' code: removing the
 * name now leaves it as it is ("remove tapResponse operator" does not touch `migrations/18_0_0-beta`).
 */
const MIGRATION = /(^|\/)migrations\//;
const isLive = (path: string) => !MIGRATION.test(path);

/**
 * Removing, dropping, renaming or inlining a name changes every file that uses it: "drop
 * `assertInInjectionContext` in production" edits each caller. Only names used in a handful of
 * files: beyond that a task usually keeps an alias, and predicting them all would keep it apart
 * from every other task on a guess.
 */
export function removedNameUsers(prompt: string, removes: readonly string[], usages: ReadonlyMap<string, readonly string[]>, roots: readonly string[] = []): Candidate[] {
  if (removes.length === 0 || KEEPS_USERS.test(prompt.replace(REMOVES_DEPRECATED, '$1'))) return [];
  const everywhere = usersOf(removes, usages, isLive, (name) => `uses \`${name}\`, which the task removes or renames`);
  // A name common across the workspace (`standalone`, in 61 files) can still be rare in the task's
  // own projects: "docs(signals): remove redundant standalone flag" edits the three in signals.
  // Only the names the first pass skipped: a name it took would count its users twice.
  const widespread = removes.filter((name) => (usages.get(name) ?? []).filter(isLive).length > MAX_USERS);
  if (roots.length === 0 || widespread.length === 0) return everywhere;
  const inRoots = (path: string) => isLive(path) && roots.some((root) => isInside(root, path));
  return [...everywhere, ...usersOf(widespread, usages, inRoots, (name) => `uses \`${name}\`, which the task removes or renames in its project`)];
}

/**
 * Moving off a name ("replace deprecated `ENVIRONMENT_INITIALIZER`") changes the task's own files
 * that use it. The name is often declared elsewhere (a framework export used by every package),
 * so its users are counted inside the task's projects; "deprecated" here describes the old name,
 * the users still change.
 */
export function replacedNameUsers(replaces: readonly string[], usages: ReadonlyMap<string, readonly string[]>, roots: readonly string[]): Candidate[] {
  if (replaces.length === 0) return [];
  const inRoots = (path: string) => roots.length === 0 || roots.some((root) => isInside(root, path));
  return usersOf(replaces, usages, inRoots, (name) => `uses \`${name}\`, which the task replaces`);
}

function usersOf(names: readonly string[], usages: ReadonlyMap<string, readonly string[]>, keep: (path: string) => boolean, reason: (name: string) => string): Candidate[] {
  const out: Candidate[] = [];
  for (const name of names) {
    const users = (usages.get(name) ?? []).filter(keep);
    if (users.length === 0 || users.length > MAX_USERS) continue;
    for (const path of users) out.push({ path, score: SCORE, reason: reason(name) });
  }
  return out;
}
