import { readFile } from 'node:fs/promises';
import { spellsPackage } from '../prompt/dependency-bumps';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * The manifests (`package.json`) that depend on each package a task updates. Read only when a
 * prompt updates one: a workspace has a few dozen manifests, and a manifest that does not parse is
 * skipped with a note.
 */
export async function findDependents(root: string, files: readonly string[], bumped: readonly string[]): Promise<{ dependents: Map<string, string[]>; notes: string[] }> {
  const dependents = new Map<string, string[]>();
  const notes: string[] = [];
  if (bumped.length === 0) return { dependents, notes };
  for (const name of bumped) dependents.set(name, []);
  for (const file of files) {
    if (file !== 'package.json' && !file.endsWith('/package.json')) continue;
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(await readFile(`${root}/${file}`, 'utf8')) as Record<string, unknown>;
    } catch {
      notes.push(`${file}: not valid JSON, its dependencies not read`);
      continue;
    }
    const names = DEPENDENCY_FIELDS.flatMap((field) => Object.keys((manifest[field] as Record<string, string> | undefined) ?? {}));
    for (const name of bumped) if (names.some((dependency) => spellsPackage(dependency, name))) dependents.get(name)!.push(file);
  }
  return { dependents, notes };
}
