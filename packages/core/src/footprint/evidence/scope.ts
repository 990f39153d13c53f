import type { Project } from '../../workspace';

/**
 * The projects a conventional-commit scope names: `fix(store): ...` -> the project called `store`,
 * `@org/store`, or rooted at `.../store`; `fix(signals/rxjs-interop)` -> that sub-folder.
 */
export function projectsForScopes(scopes: readonly string[], projects: readonly Project[], files: readonly string[]): string[] {
  const roots = new Set<string>();
  for (const scope of scopes) {
    const [head, ...rest] = scope.split('/');
    for (const project of projects) {
      const name = project.name.toLowerCase();
      const base = project.root.split('/').pop()?.toLowerCase();
      if (name === head || name.endsWith(`/${head}`) || base === head) {
        const nested = rest.length > 0 ? `${project.root}/${rest.join('/')}` : undefined;
        roots.add(nested && files.some((file) => file.startsWith(`${nested}/`)) ? nested : project.root);
      }
    }
  }
  return [...roots].sort();
}
