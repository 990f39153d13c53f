import { execGit, git } from '../git';

export type MergeResult =
  | { kind: 'merged'; commit: string }
  | { kind: 'conflicted'; files: string[]; messages: string };

/**
 * Merges `branchHead` into the integration ref without any working tree: `git merge-tree` computes
 * the merged tree, commit-tree records it, and update-ref moves the ref only if it still points
 * where we read it (compare-and-swap), so the ref is never half-merged even if we die mid-way.
 */
export async function mergeIntoIntegration(options: {
  root: string;
  integrationRef: string;
  branchHead: string;
  message: string;
  env?: NodeJS.ProcessEnv;
}): Promise<MergeResult> {
  const { root, integrationRef } = options;
  const current = (await git(root, ['rev-parse', '--verify', `${integrationRef}^{commit}`])).trim();
  const result = await execGit(root, ['merge-tree', '--write-tree', '--name-only', '--messages', '-z', current, options.branchHead]);
  if (result.exitCode === 1 && result.stdout) {
    // -z output: tree\0 conflicted paths\0 ... \0\0 messages
    const [, ...rest] = result.stdout.split('\0');
    const end = rest.indexOf('');
    const files = [...new Set(rest.slice(0, end < 0 ? rest.length : end).filter(Boolean))];
    return { kind: 'conflicted', files, messages: rest.slice(end + 1).join('\n').trim() };
  }
  if (result.exitCode !== 0) {
    throw new Error(`git merge-tree failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  }
  const tree = result.stdout.split('\0')[0]!.trim();
  const commit = (await git(root, ['commit-tree', tree, '-p', current, '-p', options.branchHead, '-m', options.message], { env: options.env })).trim();
  await git(root, ['update-ref', '-m', options.message, integrationRef, commit, current]);
  return { kind: 'merged', commit };
}
