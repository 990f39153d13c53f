import { execGit } from '../../git';

const ROUTE = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\/[A-Za-z0-9_\-/:{}.]*)/g;

/** HTTP routes a prompt names: `POST /api/users` -> { method: 'POST', path: '/api/users' }. */
export function routesIn(text: string): Array<{ method: string; path: string }> {
  return [...text.matchAll(ROUTE)].map((match) => ({ method: match[1]!, path: match[2]!.replace(/[.,;:]+$/, '') }));
}

/**
 * Files that register a route: they spell its path as a string literal (`'/api/users'`, or the
 * last segments when routers are mounted under a prefix: `'/users'`). One git grep for all routes.
 */
export async function findRouteFiles(root: string, routes: ReadonlyArray<{ path: string }>): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const literals = new Map<string, string>();
  for (const route of routes) {
    const segments = route.path.split('/').filter(Boolean);
    for (let i = 0; i < segments.length; i++) {
      const suffix = `/${segments.slice(i).join('/')}`;
      // A bare `/:id` or `/` says nothing about which router it belongs to.
      if (segments.slice(i).every((segment) => segment.startsWith(':') || segment.startsWith('{'))) break;
      if (!literals.has(suffix)) literals.set(suffix, route.path);
    }
  }
  if (literals.size === 0) return result;
  const patterns = [...literals.keys()].flatMap((literal) => ['-e', `'${literal}'`, '-e', `"${literal}"`, '-e', `\`${literal}\``]);
  const grep = await execGit(root, ['grep', '-n', '-F', '-I', ...patterns, '--', '*.ts', '*.tsx', '*.js', '*.mjs', '*.cjs']);
  for (const line of grep.stdout.split('\n').filter(Boolean)) {
    const file = line.slice(0, line.indexOf(':'));
    for (const [literal, route] of literals) {
      if (line.includes(`'${literal}'`) || line.includes(`"${literal}"`) || line.includes(`\`${literal}\``)) {
        const files = result.get(route) ?? [];
        if (!files.includes(file)) files.push(file);
        result.set(route, files);
      }
    }
  }
  return result;
}
