#!/usr/bin/env node
// How far can the model-assisted mode (`--assist`) take the footprint? No model API is reachable
// where codewaves is built, so this measures the mode's ceiling instead of a model: a local
// OpenAI-compatible server stands in for the model and answers `report_writes` with the commit's
// true files, as far as the request lets a model see them (the repo map it was given, or a new file
// in one of the map's folders). --recall keeps each of those with that probability and --noise adds
// that many map files the commit did not change, so a perfect model and weaker ones are scored alike.
// Everything else is the product as shipped: the CLI's --assist path, the openai SDK over HTTP, the
// refinement, the shared scorer.
//
//   node tools/bench/footprint-assist-ceiling.mjs --repo <git dir> [--cases cases.json] [--recall 1] [--noise 0]
//        [--confidence 0.9] [--seed 1] [--jobs 2] --out bench-results/footprint-assist-ceiling.json
//
// The stand-in reads the truth: its figures say what the map and the refinement allow, never what a
// real model does. Also written: <out>.map.json, the share of the true files each request's map shows.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { footprintBench } from './footprint/locate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const take = (name, fallback) => {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const [, value] = args.splice(index, 2);
  return value;
};
const recall = Number(take('--recall', '1'));
const noise = Number(take('--noise', '0'));
const confidence = Number(take('--confidence', '0.9'));
const seed = take('--seed', '1');
if (!(recall >= 0 && recall <= 1) || !(noise >= 0) || !(confidence > 0 && confidence <= 1)) {
  console.error('--recall and --confidence are 0..1, --noise a count of files');
  process.exit(2);
}
const casesFile = args.includes('--cases') ? resolve(args[args.indexOf('--cases') + 1]) : join(footprintBench(), 'cases.json');
const pairsFile = args.includes('--cases') ? undefined : join(footprintBench(), 'pairs.json');
const out = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : undefined;

// The truth of every task the scorer will predict, by its text: the cases, and both sides of each pair.
const truths = new Map();
for (const task of JSON.parse(readFileSync(casesFile, 'utf8')).cases) {
  truths.set(task.prompt, { truth: task.truth, added: new Set((task.changes ?? []).filter((change) => change.status === 'A').map((change) => change.path)) });
}
if (pairsFile) {
  for (const pair of JSON.parse(readFileSync(pairsFile, 'utf8')).pairs) {
    for (const side of [pair.a, pair.b]) if (!truths.has(side.prompt)) truths.set(side.prompt, { truth: side.truth, added: new Set() });
  }
}
const prompts = [...truths.keys()].sort((a, b) => b.length - a.length);

/** A generator of numbers in [0, 1) from a text: the same request gets the same answer in every run. */
function random(text) {
  let state = createHash('sha256').update(`${seed}\n${text}`).digest().readUInt32LE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** `folder/: a.ts, b.ts` lines back into paths and folders. */
function readMap(map) {
  const files = new Set();
  const folders = new Set();
  for (const line of map.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon < 0 || !line.slice(0, colon).endsWith('/')) continue;
    const folder = line.slice(0, colon) === './' ? '' : line.slice(0, colon);
    folders.add(folder);
    for (const name of line.slice(colon + 2).split(', ')) files.add(`${folder}${name}`);
  }
  return { files, folders };
}

const coverage = [];
function answer(body) {
  const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
  const map = user.slice(user.indexOf('Repository map:\n') + 16, user.indexOf('\n\nTask:\n'));
  const text = user.slice(user.indexOf('\n\nTask:\n') + 8, user.indexOf('\n\nStatic analysis candidates:'));
  const prompt = prompts.find((candidate) => text.includes(candidate));
  const { files, folders } = readMap(map);
  const known = prompt === undefined ? { truth: [], added: new Set() } : truths.get(prompt);
  const folderOf = (path) => path.slice(0, path.lastIndexOf('/') + 1);
  const visible = known.truth.filter((path) => files.has(path) || (known.added.has(path) && folders.has(folderOf(path))));
  coverage.push({ prompt: prompt ?? null, truth: known.truth.length, inMap: visible.length, mapFiles: files.size });
  const next = random(text);
  const picked = visible.filter(() => next() < recall);
  const others = [...files].filter((path) => !known.truth.includes(path));
  for (let i = 0; i < noise && others.length > 0; i++) picked.push(others.splice(Math.floor(next() * others.length), 1)[0]);
  return picked.map((path) => ({ path, confidence, reason: 'stand-in for a model' }));
}

const server = createServer((request, response) => {
  let raw = '';
  request.on('data', (chunk) => (raw += chunk));
  request.on('end', () => {
    if (request.method !== 'POST' || !request.url.endsWith('/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no ${request.method} ${request.url} here` } }));
      return;
    }
    const body = JSON.parse(raw);
    const call = { id: 'call_1', type: 'function', function: { name: 'report_writes', arguments: JSON.stringify({ files: answer(body) }) } };
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'chatcmpl-ceiling',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [call] }, finish_reason: 'tool_calls' }],
        usage: { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: 50, total_tokens: Math.ceil(raw.length / 4) + 50 },
      }),
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const env = { ...process.env, OPENAI_API_KEY: 'stand-in', OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, CODEWAVES_ASSIST_MODEL: `stand-in (recall ${recall}, noise ${noise})` };
  const child = spawn(process.execPath, [join(here, 'footprint-bench.mjs'), '--assist', ...args], { stdio: 'inherit', env });
  child.on('exit', (code) => {
    server.close();
    const truth = coverage.reduce((sum, entry) => sum + entry.truth, 0);
    const inMap = coverage.reduce((sum, entry) => sum + entry.inMap, 0);
    const summary = { requests: coverage.length, unmatched: coverage.filter((entry) => entry.prompt === null).length, truth, inMap, share: truth === 0 ? 0 : inMap / truth, recall, noise, confidence, seed };
    console.log(`\nmap coverage: the maps showed ${inMap} of ${truth} true files (${(summary.share * 100).toFixed(1)}%) over ${coverage.length} model calls; ${summary.unmatched} calls matched no task`);
    if (out) writeFileSync(`${out}.map.json`, `${JSON.stringify({ summary, requests: coverage }, null, 2)}\n`);
    process.exit(code ?? 1);
  });
});
