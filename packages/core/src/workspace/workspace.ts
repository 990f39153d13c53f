export type WorkspaceKind = 'nx' | 'npm-workspaces' | 'single-package';

export interface Project {
  name: string;
  /** Workspace-relative folder, forward slashes, '' for the workspace root. */
  root: string;
}

export interface Workspace {
  root: string;
  kind: WorkspaceKind;
  projects: Project[];
  /** Every tracked or untracked-but-not-ignored file, workspace-relative, sorted. */
  files: string[];
  /** What could not be read (a manifest that does not parse) and what that cost: said with every plan. */
  notes?: string[];
}

/** Whether `file` is `root` or inside it; '' is the workspace root, which holds everything. */
export function isInside(root: string, file: string): boolean {
  return root === '' || file === root || file.startsWith(`${root}/`);
}

/** The project whose root is the longest prefix of `file`. */
export function owningProject(projects: readonly Project[], file: string): Project | undefined {
  let best: Project | undefined;
  for (const project of projects) {
    if (isInside(project.root, file) && (!best || project.root.length > best.root.length)) best = project;
  }
  return best;
}
