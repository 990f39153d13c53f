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
  const rootPackage = await readJson(join(root, 'package.json'));
  const workspaceGlobs = workspacePatterns(rootPackage, allFiles.includes('pnpm-workspace.yaml') ? await readFile(join(root, 'pnpm-workspace.yaml'), 'utf8') : undefined);

  const projects = new Map<string, Project>();
  for (const file of allFiles) {
    if (file.endsWith('project.json') && (file === 'project.json' || file.endsWith('/project.json'))) {
      const dir = dirOf(file);
      const json = await readJson(join(root, file));
      const name = typeof json?.name === 'string' ? json.name : (dir.split('/').pop() || 'root');
      projects.set(dir, { name, root: dir });
    }
  }
  for (const file of allFiles) {
    if (file !== 'package.json' && file.endsWith('/package.json')) {
      const dir = dirOf(file);
      if (projects.has(dir)) continue;
      if (!workspaceGlobs.some((glob) => minimatch(dir, glob))) continue;
      const json = await readJson(join(root, file));
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
  };
}

function dirOf(file: string): string {
  const index = file.lastIndexOf('/');
  return index < 0 ? '' : file.slice(0, index);
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function workspacePatterns(rootPackage: Record<string, unknown> | undefined, pnpmYaml: string | undefined): string[] {
  const field = rootPackage?.workspaces;
  const fromPackage = Array.isArray(field) ? field : Array.isArray((field as { packages?: unknown })?.packages) ? (field as { packages: unknown[] }).packages : [];
  const pnpmPackages = pnpmYaml ? (parseYaml(pnpmYaml) as { packages?: unknown } | null)?.packages : undefined;
  const fromPnpm = Array.isArray(pnpmPackages) ? pnpmPackages : [];
  return [...fromPackage, ...fromPnpm].filter((p): p is string => typeof p === 'string' && !p.startsWith('!')).map((p) => p.replace(/\/$/, ''));
}
