import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { parse as parseYaml } from 'yaml';
import { listWorkspaceFiles } from '../git';
import type { Project, Workspace, WorkspaceKind } from './workspace';

/**
 * Reads the workspace's projects without Nx: project.json files (Nx), package.json workspaces
 * (npm, pnpm, yarn, Turborepo), or the root package as a single project. The Nx plugin passes
 * Nx's own project graph instead; this is what the CLI uses everywhere else.
 */
export async function detectWorkspace(root: string, files?: string[]): Promise<Workspace> {
  const allFiles = files ?? (await listWorkspaceFiles(root));
  const isNx = allFiles.includes('nx.json');
  // A manifest that does not parse costs a project its name or the workspace its globs, never the
  // plan: each is said in a note, with where to look.
  const notes: string[] = [];
  const readJson = async (file: string, consequence: string) => {
    const read = await readManifest(root, file, (text) => JSON.parse(text) as unknown);
    if (read.error) notes.push(`${read.error}: ${consequence}`);
    return read.value !== null && typeof read.value === 'object' ? (read.value as Record<string, unknown>) : undefined;
  };
  const rootPackage = allFiles.includes('package.json') ? await readJson('package.json', 'its workspaces were not read') : undefined;
  const pnpm = allFiles.includes('pnpm-workspace.yaml') ? await readManifest(root, 'pnpm-workspace.yaml', (text) => parseYaml(text) as unknown) : undefined;
  if (pnpm?.error) notes.push(`${pnpm.error}: its packages were not read`);
  const workspaceGlobs = workspacePatterns(rootPackage, pnpm?.value);

  const projects = new Map<string, Project>();
  for (const file of allFiles) {
    if (file.endsWith('project.json') && (file === 'project.json' || file.endsWith('/project.json'))) {
      const dir = dirOf(file);
      const fallback = dir.split('/').pop() || 'root';
      const json = await readJson(file, `the project is named ${fallback}, after its folder`);
      const name = typeof json?.name === 'string' ? json.name : fallback;
      projects.set(dir, { name, root: dir });
    }
  }
  for (const file of allFiles) {
    if (file !== 'package.json' && file.endsWith('/package.json')) {
      const dir = dirOf(file);
      if (projects.has(dir)) continue;
      if (!workspaceGlobs.some((glob) => minimatch(dir, glob))) continue;
      const json = await readJson(file, `the package is named ${dir}, after its folder`);
      projects.set(dir, { name: typeof json?.name === 'string' ? json.name : dir, root: dir });
    }
  }

  let kind: WorkspaceKind = isNx ? 'nx' : workspaceGlobs.length > 0 ? 'npm-workspaces' : 'single-package';
  if (projects.size === 0) {
    kind = isNx ? 'nx' : 'single-package';
    projects.set('', { name: typeof rootPackage?.name === 'string' ? rootPackage.name : 'root', root: '' });
  }
  return {
    root,
    kind,
    projects: [...projects.values()].sort((a, b) => a.root.localeCompare(b.root)),
    files: allFiles,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function dirOf(file: string): string {
  const index = file.lastIndexOf('/');
  return index < 0 ? '' : file.slice(0, index);
}

/** A manifest's parsed value, or where and why it does not parse: `packages/web/project.json:3: not valid JSON (...)`. */
async function readManifest(root: string, file: string, parse: (text: string) => unknown): Promise<{ value?: unknown; error?: string }> {
  let text: string;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch (error) {
    return { error: `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    return { value: parse(text) };
  } catch (error) {
    // YAML messages end with their own "at line 4, column 1:" and a snippet; the line is said once, up front.
    const message = (error as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { error: `${file}${lineOf(text, error)}: does not parse (${message})` };
  }
}

/** `:line` of a parse error: YAML errors carry it, JSON.parse's message carries an offset. */
function lineOf(text: string, error: unknown): string {
  const yamlLine = (error as { linePos?: [{ line: number }] }).linePos?.[0]?.line;
  if (yamlLine) return `:${yamlLine}`;
  const message = (error as Error).message;
  const offset = /at position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/.test(message) ? text.trimEnd().length : undefined);
  return offset === undefined ? '' : `:${text.slice(0, Number(offset)).split('\n').length}`;
}

function workspacePatterns(rootPackage: Record<string, unknown> | undefined, pnpmWorkspace: unknown): string[] {
  const field = rootPackage?.workspaces;
  const fromPackage = Array.isArray(field) ? field : Array.isArray((field as { packages?: unknown })?.packages) ? (field as { packages: unknown[] }).packages : [];
  const pnpmPackages = (pnpmWorkspace as { packages?: unknown } | null | undefined)?.packages;
  const fromPnpm = Array.isArray(pnpmPackages) ? pnpmPackages : [];
  return [...fromPackage, ...fromPnpm].filter((p): p is string => typeof p === 'string' && !p.startsWith('!')).map((p) => p.replace(/\/$/, ''));
}
