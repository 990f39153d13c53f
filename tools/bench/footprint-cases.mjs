#!/usr/bin/env node
// Makes footprint cases from any repository's history, in the shared bench's format, to score the
// predictor on history it was not tuned on (the shared bench holds only ngrx/platform):
//
//   node tools/bench/footprint-cases.mjs --repo <git dir> [--head <commit>] [--name owner/repo] [--count 120] [--out cases.json]
//   node tools/bench/footprint-bench.mjs --repo <git dir> --cases cases.json --jobs 2 --out results.json
//
// As docs/footprint.md reports them (each checked byte for byte):
//   typeorm/typeorm: --head 281bfba42a --name typeorm/typeorm --count 120
//   typescript-eslint: --head 56c9ed90d0 --name typescript-eslint/typescript-eslint --count 120
//   trpc/trpc: --head 340811ba53 --name trpc/trpc --count 120
//   vuejs/core (held out): --head e2bede9613 --name vuejs/core --count 120
//   reduxjs/redux-toolkit (held out): --head 74200d87c2 --name reduxjs/redux-toolkit --count 120
//   vuejs/pinia (kept for the next held-out check, not scored): --head 254eec76 --name vuejs/pinia --count 120
//
// Rules, close to the shared bench's: first-parent non-merge commits, newest first; 1-20 changed
// paths once lockfiles are dropped, at least one TypeScript source; no reverts, releases, bots or
// dependency bumps. Prompt = the subject without its trailing (#123). No pairs.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
if (!args.repo) {
  console.error('usage: footprint-cases.mjs --repo <git dir> [--head <commit>] [--name owner/repo] [--count 120] [--out cases.json]');
  process.exit(2);
}
const count = Number(args.count ?? 120);
const git = (...rest) => execFileSync('git', ['--git-dir', args.repo, ...rest], { encoding: 'utf8', maxBuffer: 1 << 30 });
const log = git('log', '--first-parent', '--no-merges', '-n', String(count * 15), '--format=tformat:@@%H %P%x09%an%x09%s', '--name-status', '--no-renames', args.head ?? 'HEAD');
const cases = [];
for (const block of log.split('@@').filter(Boolean)) {
  const [head, ...lines] = block.split('\n').filter(Boolean);
  const [ids, author, subject] = head.split('\t');
  const [commit, parent] = ids.split(' ');
  if (!parent || /^(revert|release|chore\(release\))/i.test(subject) || /\(deps/.test(subject) || /bot/i.test(author)) continue;
  const changes = lines.map((line) => ({ status: line[0], path: line.split('\t')[1] }));
  const truth = changes.map((change) => change.path).filter((path) => !/(^|\/)(package-lock\.json|pnpm-lock\.yaml|yarn\.lock)$/.test(path));
  if (truth.length < 1 || truth.length > 20 || !truth.some((path) => /\.(ts|tsx|mts|cts)$/.test(path) && !path.endsWith('.d.ts'))) continue;
  if (/^chore: (update|upgrade)/i.test(subject) && truth.some((path) => path.endsWith('package.json'))) continue;
  const conventional = /^(\w+)(?:\(([^)]*)\))?!?:/.exec(subject);
  cases.push({
    id: `case-${commit.slice(0, 10)}`,
    commit,
    base: parent,
    type: conventional?.[1],
    scopes: conventional?.[2] ? conventional[2].split(/[,\s]+/).filter(Boolean) : [],
    prompt: subject.replace(/\s*\(#\d+\)\s*$/, ''),
    truth,
    changes,
  });
  if (cases.length >= count) break;
}
// The scorer reports `repo` as the repository's name: the git dir's path says nothing to a reader.
const head = git('rev-parse', args.head ?? 'HEAD').trim();
writeFileSync(args.out ?? 'cases.json', JSON.stringify({ repo: args.name ?? args.repo, head, cases }, null, 1));
console.log(`${cases.length} cases -> ${args.out ?? 'cases.json'}`);
