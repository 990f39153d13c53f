import { getProjects, type ExecutorContext, type Tree } from '@nx/devkit';
import type { Project } from '@codewaves/core';

/** Nx's own project graph as codewaves projects: Nx knows inferred projects the CLI's scan would miss. */
export function projectsFromContext(context: ExecutorContext): Project[] {
  const nodes = context.projectGraph?.nodes ?? {};
  return Object.values(nodes)
    .map((node) => ({ name: node.name, root: node.data.root === '.' ? '' : node.data.root }))
    .sort((a, b) => a.root.localeCompare(b.root));
}

/** The same for generators, which see the workspace as a Tree. */
export function projectsFromTree(tree: Tree): Project[] {
  return [...getProjects(tree)]
    .map(([name, config]) => ({ name, root: config.root === '.' ? '' : config.root }))
    .sort((a, b) => a.root.localeCompare(b.root));
}
