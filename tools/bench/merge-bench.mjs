#!/usr/bin/env node
// Merge bench: the structural TypeScript merge on real conflicts. Every merge commit in a public
// TypeScript repository's history is redone with `git merge-tree`; each TypeScript/JavaScript file
// git leaves conflicted is given to mergeTypeScript (the product's code, from packages/core/dist)
// with the merge base, both parents and nothing else. The merge commit holds what a human made of
// the conflict, so every resolution is compared with it, and checked independently of the merge's
// own guard: every line either parent added must be in the resolution (trimmed, trailing comma
// ignored), else it is counted as losing a line.
//
//   npm run build && node tools/bench/merge-bench.mjs --repo <git dir> [--limit 600] [--out FILE]
//
// Any repository with merge commits will do; the README's figures come from typeorm/typeorm
// (`fetch github:typeorm/typeorm`), which merges pull requests with merge commits. The footprint
// bench's pairs (ngrx/platform) hold no conflict a merge could resolve: all 49 of their conflicts
// are "dependent" (one commit edits lines the other wrote), see docs/merge.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(import.meta.url);
let merge;
try {
  merge = require('../../packages/core/dist/merge');
} catch (error) {
  console.error(`cannot load packages/core/dist (build first: npm run build): ${error.message}`);
  process.exit(2);
}

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
};
if (argv.includes('--help')) {
  console.log('usage: merge-bench.mjs --repo <git dir> [--limit N merge commits, newest first, default 600] [--out FILE]');
  process.exit(0);
}
const repo = option('--repo', process.env.CODEWAVES_MERGE_BENCH_REPO);
if (!repo) {
  console.log('merge bench skipped: pass --repo <git dir> (or set CODEWAVES_MERGE_BENCH_REPO), e.g. a clone of typeorm/typeorm');
  process.exit(0);
}
const limit = Number(option('--limit', '600'));
const out = resolve(option('--out', join(root, 'bench-results', 'merge.json')));

const git = (...args) => execFileSync('git', ['--git-dir', repo, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const tryGit = (...args) => spawnSync('git', ['--git-dir', repo, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const show = (commit, file) => {
  const result = tryGit('show', `${commit}:${file}`);
  return result.status === 0 ? result.stdout : undefined;
};

const lines = (text) => text.split('\n').map((line) => line.trim().replace(/,$/, '')).filter(Boolean);
const counts = (text) => lines(text).reduce((map, line) => map.set(line, (map.get(line) ?? 0) + 1), new Map());
/**
 * Lines a side has more often than the base, or base lines neither side removed, missing from the
 * resolution. Two line shapes count as kept without being there verbatim, because a structural
 * merge rewrites them without losing anything: an import or export from a module whose every name
 * is imported or exported from that module in the resolution (specifiers merged into one
 * statement), and lines with no name at all (`import {`, `})`).
 */
function lostLines(base, ours, theirs, merged) {
  const [b, o, t, m] = [base, ours, theirs, merged].map(counts);
  const fromModule = new Map();
  for (const [, words, module] of merged.matchAll(/\b(?:import|export)\b([^;]*?)\bfrom\s*(['"][^'"]+['"])/g)) {
    fromModule.set(module, new Set([...(fromModule.get(module) ?? []), ...(words.match(/[\w$]+/g) ?? [])]));
  }
  const mergedAway = (line) => {
    const match = /^(?:import|export)\b(.*)\bfrom\s*(['"][^'"]+['"])/.exec(line);
    return match && (match[1].match(/[\w$]+/g) ?? []).every((word) => fromModule.get(match[2])?.has(word));
  };
  const lost = [];
  for (const line of new Set([...o.keys(), ...t.keys()])) {
    if (!/[\w$]/.test(line.replace(/^(import|export)\b|\bfrom\b/g, '')) || mergedAway(line)) continue;
    // A bare list entry (`name,`) may have moved onto another line: then its name is still there as often.
    if (/^[\w$]+$/.test(line) && wordCount(merged, line) >= wordCount(ours, line) + wordCount(theirs, line) - wordCount(base, line)) continue;
    const [inB, inO, inT, inM] = [b, o, t, m].map((map) => map.get(line) ?? 0);
    // What either side added, plus the base's copies neither side removed.
    const expected = Math.max(0, inO - inB, inT - inB) + Math.max(0, inB - Math.max(0, inB - inO) - Math.max(0, inB - inT));
    if (inM < expected) lost.push(line);
  }
  return lost;
}
const wordCount = (text, word) => text.match(new RegExp(`(?<![\\w$])${word.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
const sameLines = (a, b) => lines(a).sort().join('\n') === lines(b).sort().join('\n');
const normalise = (text) => text.replace(/\s+/g, '');

const merges = git('log', '--all', '--merges', `--max-count=${limit}`, '--format=%H %P').trim().split('\n').filter(Boolean);
const files = [];
let conflictedMerges = 0;
const started = Date.now();
for (const [index, line] of merges.entries()) {
  const [commit, ours, theirs, ...more] = line.split(' ');
  if (!theirs || more.length > 0) continue; // octopus merges are not what two tasks make
  const result = tryGit('merge-tree', '--write-tree', '--name-only', '-z', ours, theirs);
  if (result.status !== 1) continue;
  const [, ...rest] = result.stdout.split('\0');
  const end = rest.indexOf('');
  const conflicted = [...new Set(rest.slice(0, end < 0 ? rest.length : end).filter(Boolean))];
  conflictedMerges++;
  const bases = tryGit('merge-base', '--all', ours, theirs).stdout.trim().split('\n').filter(Boolean);
  for (const file of conflicted.filter((name) => merge.STRUCTURAL_MERGE_FILES.test(name))) {
    const entry = { merge: commit, file };
    files.push(entry);
    const [o, t, human] = [show(ours, file), show(theirs, file), show(commit, file)];
    if (o === undefined || t === undefined) {
      entry.outcome = 'not-contents'; // deleted or renamed on one side: not a merge of contents
      continue;
    }
    if (bases.length !== 1) {
      entry.outcome = 'criss-cross'; // git merges several bases into a virtual one; not redone here
      continue;
    }
    const base = show(bases[0], file);
    if (base === undefined) {
      entry.outcome = 'added-on-both-sides'; // the product leaves these to a human: no base to merge against
      continue;
    }
    const time = process.hrtime.bigint();
    const outcome = merge.mergeTypeScript(base, o, t, file);
    entry.ms = Number(process.hrtime.bigint() - time) / 1e6;
    if ('conflict' in outcome) {
      entry.outcome = 'declined';
      entry.reason = outcome.conflict;
      continue;
    }
    entry.outcome = 'resolved';
    entry.lostLines = human === outcome.merged ? [] : lostLines(base, o, t, outcome.merged);
    entry.human =
      human === undefined ? 'deleted'
      : human === outcome.merged ? 'same'
      : normalise(human) === normalise(outcome.merged) ? 'same-but-whitespace'
      : sameLines(human, outcome.merged) ? 'same-lines-other-order'
      : 'different';
  }
  if ((index + 1) % 100 === 0) console.error(`${index + 1}/${merges.length} merge commits, ${files.length} conflicted TS/JS files`);
}

const by = (predicate) => files.filter(predicate).length;
const contentConflicts = files.filter((f) => f.outcome === 'resolved' || f.outcome === 'declined');
const resolved = files.filter((f) => f.outcome === 'resolved');
const reasons = {};
for (const f of files.filter((x) => x.outcome === 'declined')) reasons[f.reason] = (reasons[f.reason] ?? 0) + 1;
const summary = {
  repo: tryGit('remote', 'get-url', 'origin').stdout.trim() || repo,
  head: git('rev-parse', 'HEAD').trim(),
  mergeCommits: merges.length,
  conflictedMergeCommits: conflictedMerges,
  conflictedFiles: files.length,
  notContents: by((f) => f.outcome === 'not-contents'),
  crissCross: by((f) => f.outcome === 'criss-cross'),
  addedOnBothSides: by((f) => f.outcome === 'added-on-both-sides'),
  contentConflicts: contentConflicts.length,
  resolved: resolved.length,
  resolvedShare: contentConflicts.length ? resolved.length / contentConflicts.length : 0,
  sameAsHuman: by((f) => f.human === 'same'),
  sameAsHumanButWhitespace: by((f) => f.human === 'same-but-whitespace'),
  sameLinesAsHumanOtherOrder: by((f) => f.human === 'same-lines-other-order'),
  differentFromHuman: by((f) => f.human === 'different'),
  humanDeletedFile: by((f) => f.human === 'deleted'),
  resolutionsLosingALine: by((f) => f.outcome === 'resolved' && f.lostLines.length > 0),
  declinedReasons: reasons,
  meanMsPerFile: contentConflicts.length ? contentConflicts.reduce((sum, f) => sum + f.ms, 0) / contentConflicts.length : 0,
  wallMs: Date.now() - started,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ summary, files }, null, 1)}\n`);

const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(`
| merge commits | with conflicts | conflicted TS/JS files | content conflicts (base, both sides) | resolved structurally | same as the human's | same but whitespace | same lines, other order | different | losing a line |
|---|---|---|---|---|---|---|---|---|---|
| ${summary.mergeCommits} | ${summary.conflictedMergeCommits} | ${summary.conflictedFiles} | ${summary.contentConflicts} | ${summary.resolved} (${pct(summary.resolvedShare)}) | ${summary.sameAsHuman} | ${summary.sameAsHumanButWhitespace} | ${summary.sameLinesAsHumanOtherOrder} | ${summary.differentFromHuman} | ${summary.resolutionsLosingALine} |

declined: ${Object.entries(reasons).sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${reason}`).join('; ')}
${summary.meanMsPerFile.toFixed(1)} ms per file; written to ${out}`);
