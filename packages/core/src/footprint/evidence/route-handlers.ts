import type { Candidate } from './candidate';
import { isTestFile } from './mentioned-files';

/** The files that register an HTTP route the prompt names (`POST /api/users`). */
export function routeHandlers(routes: ReadonlyArray<{ method: string; path: string }>, routeFiles: ReadonlyMap<string, readonly string[]>): Candidate[] {
  const out: Candidate[] = [];
  for (const route of routes) {
    const files = (routeFiles.get(route.path) ?? []).filter((file) => !isTestFile(file));
    if (files.length === 0 || files.length > 4) continue;
    for (const file of files) out.push({ path: file, score: 0.75 / Math.sqrt(files.length), reason: `registers route ${route.method} ${route.path}` });
  }
  return out;
}
