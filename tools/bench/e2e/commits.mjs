// The bench's tasks: consecutive commits of a real repository's first-parent history, each replayed
// by an agent that makes that commit's change to whatever code its worktree holds.
import { execFileSync } from 'node:child_process';

const git = (repo, args) => execFileSync('git', ['--git-dir', repo, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** Commits that are not one task someone would hand an agent: releases, merges, huge changes. */
export const ELIGIBILITY = { maxFiles: 25, maxLines: 1500, skipSubject: /^(chore(\(release\))?: release|release\b|Merge )/i };

/** The task id of the window's index-th commit (oldest first): c01, c02, ... */
export const taskId = (index) => `c${String(index + 1).padStart(2, '0')}`;

/** Whether `commit` exists in `repo` (a bare or normal git dir). */
export function hasCommit(repo, commit) {
  try {
    git(repo, ['cat-file', '-e', `${commit}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The newest `count` eligible commits of `head`'s first-parent history, oldest first. Ineligible
 * commits inside the window are skipped (not tasks); their changes are simply absent from every strategy's result.
 */
export function selectCommits(repo, head, count, eligibility = ELIGIBILITY) {
  const log = git(repo, ['log', '--first-parent', '--format=%H%x00%P%x00%s', '-n', String(count * 4 + 40), head]).trim().split('\n');
  const chosen = [];
  for (const line of log) {
    const [commit, parents, subject] = line.split('\0');
    if (chosen.length === count) break;
    const parentList = parents.split(' ').filter(Boolean);
    if (parentList.length !== 1 || eligibility.skipSubject.test(subject)) continue;
    const changes = commitChanges(repo, parentList[0], commit);
    const lines = changes.reduce((sum, change) => sum + change.lines, 0);
    if (changes.length === 0 || changes.length > eligibility.maxFiles || lines > eligibility.maxLines) continue;
    if (changes.some((change) => change.mode === '120000' || change.mode === '160000')) continue;
    chosen.push({ commit, parent: parentList[0], subject, changes, lines });
  }
  return chosen.reverse();
}

/** What a commit changed, file by file, with the blobs on each side (no rename detection). */
export function commitChanges(repo, parent, commit) {
  const raw = git(repo, ['diff-tree', '-r', '--no-renames', '-z', '--raw', '--numstat', parent, commit]).split('\0');
  const changes = new Map();
  const counts = new Map();
  for (let i = 0; i < raw.length; i++) {
    const entry = raw[i];
    if (entry.startsWith(':')) {
      const [, oldMode, newMode, oldBlob, newBlob, status] = entry.match(/^:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) (\w)/);
      const path = raw[++i];
      changes.set(path, { path, status, oldBlob, newBlob, mode: status === 'D' ? oldMode : newMode });
    } else if (/^(\d+|-)\t(\d+|-)\t/.test(entry)) {
      const [added, removed, path] = entry.split('\t');
      counts.set(path, added === '-' ? 0 : Number(added) + Number(removed));
    }
  }
  return [...changes.values()].map((change) => ({ ...change, lines: counts.get(change.path) ?? 0 }));
}

/** Simulated model latency for a change: a base per task plus a little per changed line, capped. */
export function latencyMs(lines, latency) {
  return Math.min(latency.maxMs, latency.baseMs + latency.perLineMs * lines);
}

const quote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The shell step that makes one file's change: a three-way merge of the commit's own edit
 * (parent blob -> commit blob) into the file as the worktree has it, as an agent editing the code
 * it sees would; when that edit no longer fits (a conflict), the agent writes its whole version.
 * A deleted file is removed. Blobs are read from the shared object store.
 */
export function applyCommand(change) {
  const file = quote(change.path);
  if (change.status === 'D') return `rm -f ${file}; echo deleted`;
  const base = change.status === 'A' ? ': > "$t/base"' : `git cat-file blob ${change.oldBlob} > "$t/base"`;
  return [
    // Scratch files inside the worktree (removed below): a sandboxed run_command may write nowhere else.
    `t=$(mktemp -d ./.replay-XXXXXX)`,
    `mkdir -p "$(dirname ${file})"`,
    base,
    `git cat-file blob ${change.newBlob} > "$t/new"`,
    `if [ -f ${file} ] && git merge-file -q ${file} "$t/base" "$t/new"; then echo merged; else cp "$t/new" ${file}; echo wrote; fi`,
    `rm -rf "$t"`,
  ].join('; ');
}

/**
 * A replay transcript (schemaVersion 1) that plays one commit: wait for the simulated model, make
 * each file's change, finish. The turns are recorded twice: a re-run on merged code is a follow-up
 * in the same thread, and replays the same change on top of what it now sees.
 */
export function commitTranscript(id, task, latency) {
  const seconds = (latencyMs(task.lines, latency) / 1000).toFixed(3);
  const attempt = (n) => [
    { content: `Working on: ${task.subject}`, toolCalls: [{ id: `call_${n}_1`, name: 'run_command', arguments: { command: `sleep ${seconds}` } }], usage: { inputTokens: 0, outputTokens: 0 } },
    { toolCalls: task.changes.map((change, i) => ({ id: `call_${n}_${i + 2}`, name: 'run_command', arguments: { command: applyCommand(change) } })) },
    { toolCalls: [{ id: `call_${n}_fin`, name: 'finish', arguments: { summary: `replayed ${task.commit.slice(0, 10)}: ${task.changes.length} file(s)` } }] },
  ];
  return { schemaVersion: 1, taskId: id, model: 'replay of a real commit', turns: [...attempt(1), ...attempt(2)] };
}
