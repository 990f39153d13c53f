import { execGit } from '../../git';

/** One past commit: its subject and the files it changed. */
export interface CommitRecord {
  subject: string;
  files: string[];
}

export interface HistoryOptions {
  /** How many commits back to read (first-parent, no merges). */
  depth?: number;
  /** Commits that changed more files than this are bulk edits (renames, formatting): skipped. */
  maxFilesPerCommit?: number;
}

/**
 * Recent history at HEAD, newest first. A shallow clone or a repository without commits gives what
 * there is (possibly nothing): history sharpens a prediction, it is never required for one.
 */
export async function readHistory(root: string, options: HistoryOptions = {}): Promise<{ commits: CommitRecord[]; note?: string }> {
  const depth = options.depth ?? 3000;
  const maxFiles = options.maxFilesPerCommit ?? 40;
  const log = await execGit(root, ['log', `-n${depth}`, '--first-parent', '--no-merges', '--no-renames', '--format=%x1e%s', '--name-only', 'HEAD']);
  if (log.exitCode !== 0) {
    // Asked only when the log fails: every prediction reads history, and a repository without commits is rare.
    const head = await execGit(root, ['rev-parse', '--verify', '-q', 'HEAD']);
    if (head.exitCode !== 0) return { commits: [], note: 'no commits yet: no history to learn from (similar past commits, files changed together)' };
    return { commits: [], note: `git history could not be read (${log.stderr.trim().split('\n')[0]}): no history evidence` };
  }
  const commits: CommitRecord[] = [];
  for (const chunk of log.stdout.split('\x1e')) {
    if (!chunk.trim()) continue;
    const [subject = '', ...rest] = chunk.split('\n');
    const files = rest.filter(Boolean);
    if (files.length === 0 || files.length > maxFiles) continue;
    commits.push({ subject, files });
  }
  const shallow = await execGit(root, ['rev-parse', '--is-shallow-repository']);
  if (shallow.stdout.trim() !== 'true') return { commits };
  // CI checkouts are shallow by default, and a plan made there would quietly differ from a local one.
  const count = `${commits.length} commit${commits.length === 1 ? '' : 's'}`;
  return { commits, note: `shallow clone: ${count} of history to learn from; \`git fetch --unshallow\` (or fetch-depth: 0 in CI) for the full prediction` };
}
