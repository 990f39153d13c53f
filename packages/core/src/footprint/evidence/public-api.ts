import { isInside } from '../../workspace';
import type { Candidate } from './candidate';

const PUBLIC_API = /\b(export(s|ed|ing)?|public api|expose[sd]?|re-?export(s|ed)?|entry ?point|barrel)\b/i;
const ENTRY_FILES = ['src/index.ts', 'index.ts', 'src/public-api.ts', 'src/public_api.ts', 'src/index.tsx'];
/** A folder holding one of these is a package of its own, or an Angular secondary entry point. */
const PACKAGE_MANIFESTS = ['package.json', 'ng-package.json', 'project.json'];

/**
 * "Export X", "add X to the public API": such tasks edit the entry file of the package X belongs
 * to, the index.ts that re-exports its modules, even when the prompt names only the symbol. When X
 * is declared inside one of the task's projects, the entry is the one nearest its declaration (a
 * secondary entry point such as `signals/entities`); otherwise the project's own.
 */
export function publicApi(prompt: string, projectRoots: readonly string[], files: ReadonlySet<string>, declaringFiles: readonly string[] = []): Candidate[] {
  if (!PUBLIC_API.test(prompt)) return [];
  const out = new Map<string, Candidate>();
  for (const root of projectRoots) {
    const inside = declaringFiles.filter((file) => isInside(root, file));
    const entryFolders = inside.length > 0 ? inside.map((file) => nearestPackageFolder(file, root, files)) : [root];
    for (const folder of new Set(entryFolders)) {
      const entry = entryFileOf(folder, files);
      if (entry) out.set(entry, { path: entry, score: 0.6, reason: 'the prompt changes what the package exports: its entry file' });
    }
  }
  return [...out.values()];
}

function entryFileOf(folder: string, files: ReadonlySet<string>): string | undefined {
  return ENTRY_FILES.map((entry) => (folder === '' ? entry : `${folder}/${entry}`)).find((path) => files.has(path));
}

/** The deepest folder between the file and the project root that is a package with an entry file; the root if none. */
function nearestPackageFolder(file: string, root: string, files: ReadonlySet<string>): string {
  const parts = file.split('/').slice(0, -1);
  const rootDepth = root === '' ? 0 : root.split('/').length;
  for (let depth = parts.length; depth > rootDepth; depth--) {
    const folder = parts.slice(0, depth).join('/');
    if (PACKAGE_MANIFESTS.some((manifest) => files.has(`${folder}/${manifest}`)) && entryFileOf(folder, files)) return folder;
  }
  return root;
}
