import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createNodesFromFiles, type CreateNodesContextV2, type CreateNodesV2, type TargetConfiguration } from '@nx/devkit';

export interface CodewavesPluginOptions {
  /** Name of the target that runs a project's tasks. Default: `codex`. */
  targetName?: string;
  /** Name of the target that prints the plan. Default: `codex-plan`. */
  planTargetName?: string;
}

/** Task files: `<project>/codex/<id>.md` and `<anywhere in a project>/<id>.codex.md`. */
export const TASK_FILE_GLOB = '**/{codex/*.md,*.codex.md}';

/**
 * Infers a `codex` and a `codex-plan` target on every project that has task files. The task files
 * are the targets' inputs, so `nx affected -t codex` selects projects whose tasks changed.
 */
export const createNodesV2: CreateNodesV2<CodewavesPluginOptions> = [
  TASK_FILE_GLOB,
  async (files, options, context) =>
    createNodesFromFiles((file, opts, ctx) => createNodesForTaskFile(file, opts ?? {}, ctx), files, options ?? {}, context),
];

/** Nx 22+ reads `createNodes` in the v2 shape; `createNodesV2` stays for older versions. */
export const createNodes = createNodesV2;

function createNodesForTaskFile(file: string, options: CodewavesPluginOptions, context: CreateNodesContextV2) {
  const projectRoot = findProjectRoot(file, context.workspaceRoot);
  if (projectRoot === undefined) return {};
  const targetName = options.targetName ?? 'codex';
  const planTargetName = options.planTargetName ?? 'codex-plan';
  const inputs = ['{projectRoot}/**/codex/*.md', '{projectRoot}/**/*.codex.md'];
  const run: TargetConfiguration = {
    executor: '@codewaves/nx:codex',
    cache: false,
    inputs,
    options: {},
    metadata: {
      technologies: ['codewaves'],
      description: 'Run this project\'s agent tasks in conflict-free waves (codewaves)',
      help: {
        command: 'npx codewaves run --help',
        example: { options: { concurrency: 4 } },
      },
    },
  };
  const plan: TargetConfiguration = {
    executor: '@codewaves/nx:codex-plan',
    cache: false,
    inputs,
    options: {},
    metadata: {
      technologies: ['codewaves'],
      description: 'Print the predicted footprints and the waves of this project\'s agent tasks',
      help: {
        command: 'npx codewaves plan --help',
        example: { options: { json: true } },
      },
    },
  };
  return { projects: { [projectRoot]: { targets: { [targetName]: run, [planTargetName]: plan } } } };
}

/** The nearest folder at or above the task file's folder (the `codex` folder's parent) with project.json or package.json. */
function findProjectRoot(file: string, workspaceRoot: string): string | undefined {
  let dir = dirname(file);
  if (dir.endsWith('/codex') || dir === 'codex') dir = dirname(dir);
  for (;;) {
    const normalised = dir === '.' ? '' : dir;
    if (existsSync(join(workspaceRoot, normalised, 'project.json')) || existsSync(join(workspaceRoot, normalised, 'package.json'))) {
      return normalised === '' ? '.' : normalised;
    }
    if (normalised === '') return undefined;
    dir = dirname(dir);
  }
}
