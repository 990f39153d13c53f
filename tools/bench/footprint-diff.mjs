#!/usr/bin/env node
// What changed between two footprint-bench results (score.mjs --out files): the summary side by
// side, the cases whose predictions gained or lost true files, and the pairs whose predicted
// conflict flipped, labelled with what really happened. Every footprint change in docs/footprint.md
// was judged this way: a better F1 that breaks real conflicts is not better.
//
//   node tools/bench/footprint-diff.mjs <before.json> <after.json> [--cases cases.json] [--pairs pairs.json] [--limit 20]
//
// --cases/--pairs (the bench's own files) add each case's prompt and each pair's two prompts.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const files = args.filter((arg, index) => !arg.startsWith('--') && !(index > 0 && args[index - 1].startsWith('--')));
if (files.length !== 2) {
  console.error('usage: footprint-diff.mjs <before.json> <after.json> [--cases cases.json] [--pairs pairs.json] [--limit 20]');
  process.exit(2);
}
const read = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: ${error.code === 'ENOENT' ? 'no such file' : `not a score.mjs result (${error.message})`}`);
    process.exit(2);
  }
};
const [before, after] = files.map(read);
const limit = Number(option('--limit', 20));
const prompts = new Map((option('--cases') ? read(option('--cases')).cases : []).map((c) => [c.id, c.prompt]));
const pairs = new Map((option('--pairs') ? read(option('--pairs')).pairs : []).map((p) => [p.id, p]));

const metric = (result, path) => path.split('.').reduce((value, key) => value?.[key], result.summary);
const rows = [
  ['micro P', 'cases.micro.precision'],
  ['micro R', 'cases.micro.recall'],
  ['micro F1', 'cases.micro.f1'],
  ['macro F1', 'cases.macro.f1'],
  ['empty predictions', 'cases.emptyPredictions'],
  ['conflict recall (file)', 'pairs.file.conflictRecall'],
  ['false serialisation (file)', 'pairs.file.falseSerialisationRate'],
  ['conflict recall (package)', 'pairs.pkg.conflictRecall'],
  ['mean waves', 'waves.meanWavesPredicted'],
];
const format = (value) => (value === undefined ? '-' : Number.isInteger(value) ? String(value) : value.toFixed(3));
console.log('| metric | before | after | change |\n|---|---:|---:|---:|');
for (const [label, path] of rows) {
  const [a, b] = [metric(before, path), metric(after, path)];
  const change = a === undefined || b === undefined ? '-' : `${b - a >= 0 ? '+' : ''}${format(b - a)}`;
  console.log(`| ${label} | ${format(a)} | ${format(b)} | ${change} |`);
}

// Cases: the true files each version found and missed.
const beforeCases = new Map(before.perCase.map((c) => [c.id, c]));
const moved = [];
for (const now of after.perCase) {
  const was = beforeCases.get(now.id);
  if (!was || (was.tp === now.tp && was.npred === now.npred)) continue;
  const wasMissed = new Set(was.missed ?? []);
  const nowMissed = new Set(now.missed ?? []);
  const gained = [...wasMissed].filter((file) => !nowMissed.has(file));
  const lost = [...nowMissed].filter((file) => !wasMissed.has(file));
  const wasFalse = new Set(was.falsePositives ?? []);
  const nowFalse = new Set(now.falsePositives ?? []);
  moved.push({ id: now.id, tp: now.tp - was.tp, gained, lost, newFalse: [...nowFalse].filter((f) => !wasFalse.has(f)), goneFalse: [...wasFalse].filter((f) => !nowFalse.has(f)) });
}
moved.sort((a, b) => a.tp - b.tp || a.id.localeCompare(b.id));
console.log(`\n${moved.length} cases changed: ${moved.filter((c) => c.tp > 0).length} found more true files, ${moved.filter((c) => c.tp < 0).length} fewer, the rest only changed their wrong guesses.`);
for (const c of [...moved.filter((m) => m.tp < 0), ...moved.filter((m) => m.tp > 0)].slice(0, limit)) {
  console.log(`\n${c.tp > 0 ? '+' : ''}${c.tp} ${c.id}${prompts.has(c.id) ? `  ${prompts.get(c.id)}` : ''}`);
  for (const file of c.gained) console.log(`   found   ${file}`);
  for (const file of c.lost) console.log(`   lost    ${file}`);
  if (c.newFalse.length) console.log(`   new wrong guesses: ${c.newFalse.join(', ')}`);
}

// Pairs: a flipped prediction matters most where the pair really conflicts.
const beforePairs = new Map(before.perPair.map((p) => [p.id, p]));
const flips = after.perPair.filter((p) => beforePairs.has(p.id) && beforePairs.get(p.id).predicted !== p.predicted);
const label = (p) => (p.conflict ? 'real conflict' : p.overlap ? 'overlap only' : 'independent');
const verdict = (p) => (p.conflict || p.overlap ? (p.predicted ? 'now caught' : 'now missed') : p.predicted ? 'now serialised for nothing' : 'no longer serialised');
console.log(`\n${flips.length} pairs flipped:`);
for (const p of flips.sort((a, b) => Number(b.conflict) - Number(a.conflict) || a.id.localeCompare(b.id))) {
  const pair = pairs.get(p.id);
  console.log(`  ${p.id}  ${label(p)}, ${verdict(p)}${pair ? `\n     a: ${pair.a.prompt}\n     b: ${pair.b.prompt}` : ''}`);
}
