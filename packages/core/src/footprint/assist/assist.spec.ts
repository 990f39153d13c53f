import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startOpenAIServer, type HandlerResult, type OpenAIServer } from '../../../../../tools/openai-server';
import { gitRepo, type GitFixture } from '../../../../../tools/testing/git-fixture';
import { main } from '../../cli/main';
import type { Footprint } from '../footprint';
import { refineFootprint } from './refine-footprint';
import { repoMap } from './repo-map';

const heuristic: Footprint = {
  taskId: 't',
  fallback: false,
  reads: [],
  writes: [
    { path: 'libs/store/src/store.ts', confidence: 0.6, reasons: ['declares function `createStore`'] },
    { path: 'libs/store/src/selector.ts', confidence: 0.45, reasons: ['changed by similar past commits'] },
  ],
};
const scope = { existing: new Set(['libs/store/src/store.ts', 'libs/store/src/selector.ts', 'libs/store/spec/store.spec.ts', 'apps/web/main.ts']), roots: ['libs/store'] };

describe('refineFootprint', () => {
  it('adds what the model picks, strengthens what both found, and demotes what it left out', () => {
    const refined = refineFootprint(heuristic, { files: [{ path: 'libs/store/src/store.ts', confidence: 0.9 }, { path: 'libs/store/spec/store.spec.ts', confidence: 0.8, reason: 'its test' }] }, scope, 'mini', 0.4);
    expect(refined.writes.map((entry) => [entry.path, entry.confidence])).toEqual([
      ['libs/store/src/store.ts', 0.852],
      ['libs/store/spec/store.spec.ts', 0.56],
      ['libs/store/src/selector.ts', 0.338],
    ]);
    expect(refined.writes[1]!.reasons).toEqual(['mini expects a write (80%): its test']);
    expect(refined.writes[2]!.reasons.at(-1)).toBe('mini did not pick it');
  });

  it('never lets a model name a path outside the workspace, a glob, or a new file outside the task\'s projects', () => {
    const refined = refineFootprint(
      heuristic,
      {
        files: [
          { path: '../outside.ts', confidence: 1 },
          { path: '/etc/passwd', confidence: 1 },
          { path: 'libs/store/../../secrets.env', confidence: 1 },
          { path: 'libs/**', confidence: 1 },
          { path: 'apps/other/new.ts', confidence: 1 },
          { path: './libs/store/src/new-thing.ts', confidence: 0.7 },
          { path: 'apps/web/main.ts', confidence: 0.6 },
        ],
      },
      scope,
      'mini',
      0.4,
    );
    expect(refined.writes.map((entry) => entry.path).sort()).toEqual(['apps/web/main.ts', 'libs/store/src/new-thing.ts', 'libs/store/src/selector.ts', 'libs/store/src/store.ts']);
  });

  it('places a vague task on real files once the model names them', () => {
    const vague: Footprint = { taskId: 't', fallback: true, reads: [], writes: [{ path: 'libs/store/**', pattern: true, confidence: 0.4, reasons: ['nothing more specific'] }] };
    expect(refineFootprint(vague, { files: [{ path: 'libs/store/src/selector.ts', confidence: 0.8 }] }, scope, 'mini', 0.4)).toMatchObject({ fallback: false, writes: [{ path: 'libs/store/src/selector.ts', confidence: 0.56 }] });
    // a guess below the planner's threshold does not: the task stays apart in its project
    expect(refineFootprint(vague, { files: [{ path: 'libs/store/src/selector.ts', confidence: 0.3 }] }, scope, 'mini', 0.4).fallback).toBe(true);
  });
});

describe('repoMap', () => {
  it('lists the task\'s projects folder by folder, candidates and recent changes first when over budget', () => {
    const files = ['libs/a/src/x.ts', 'libs/a/src/y.ts', 'libs/a/spec/x.spec.ts', 'libs/b/src/z.ts', 'README.md'];
    expect(repoMap(files, ['libs/a'], [], [])).toBe('libs/a/spec/: x.spec.ts\nlibs/a/src/: x.ts, y.ts');
    expect(repoMap(files, [], ['libs/b/src/z.ts'], [{ subject: 's', files: ['README.md'] }], 2)).toBe('./: README.md\nlibs/b/src/: z.ts\n(3 more files not shown)');
  });
});

// The CLI against a real git repository and the openai SDK over HTTP to a local OpenAI-compatible server.
describe('codewaves footprint --assist', () => {
  let server: OpenAIServer;
  let reply: () => HandlerResult;
  let repo: GitFixture;
  beforeAll(async () => {
    server = await startOpenAIServer({ handler: () => reply() });
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['libs/*'] }),
      'libs/store/package.json': '{"name":"store"}',
      'libs/store/src/store.ts': 'export function createStore() {}\n',
      'libs/store/src/selector.ts': 'export function select() {}\n',
      'libs/store/spec/selector.spec.ts': 'test("select", () => {});\n',
    });
    writeFileSync(join(repo.root, '..', `${repo.root.split('/').pop()}-task.md`), 'fix(store): memoise selectors\n');
  });
  afterAll(async () => {
    await server.close();
    repo.remove();
  });

  const taskFile = () => join(repo.root, '..', `${repo.root.split('/').pop()}-task.md`);
  async function footprint(env: NodeJS.ProcessEnv, ...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['node', 'codewaves', 'footprint', taskFile(), '--format', 'json', ...args], { cwd: repo.root, env: { PATH: process.env.PATH, ...env }, stdout: (line) => out.push(line), stderr: (line) => err.push(line) });
    return { code, json: out.length > 0 ? (JSON.parse(out.join('\n')) as Footprint) : undefined, err: err.join('\n') };
  }
  const withModel = { OPENAI_API_KEY: 'test', OPENAI_BASE_URL: '' };

  it('asks the model once with the task and a repo map, and refines the footprint with its answer', async () => {
    reply = () => ({ toolCalls: [{ name: 'report_writes', arguments: { files: [{ path: 'libs/store/src/selector.ts', confidence: 0.9, reason: 'selectors live here' }, { path: 'libs/store/spec/selector.spec.ts', confidence: 0.7 }] } }] });
    const before = server.requests.length;
    const { code, json } = await footprint({ ...withModel, OPENAI_BASE_URL: server.url }, '--assist', '--assist-model', 'test-model');
    expect(code).toBe(0);
    expect(server.requests.length - before).toBe(1);
    const request = server.requests.at(-1)!;
    expect(request.body.model).toBe('test-model');
    const user = request.messages.find((message) => message.role === 'user')!.content as string;
    expect(user).toContain('fix(store): memoise selectors');
    expect(user).toContain('libs/store/src/: selector.ts, store.ts');
    expect(json!.writes[0]).toMatchObject({ path: 'libs/store/src/selector.ts', reasons: expect.arrayContaining(['test-model expects a write (90%): selectors live here']) });
    expect(json!.writes.map((entry) => entry.path)).toContain('libs/store/spec/selector.spec.ts');
  });

  it('keeps the heuristic footprint, with a note, when the model fails or answers nonsense', async () => {
    const { json: plain } = await footprint({});
    const answers: HandlerResult[] = [{ kind: 'status', status: 400 }, { content: 'I think selector.ts, probably.' }];
    for (const answer of answers) {
      reply = () => answer;
      const { code, json } = await footprint({ ...withModel, OPENAI_BASE_URL: server.url }, '--assist');
      expect(code).toBe(0);
      expect(json!.writes).toEqual(plain!.writes);
      expect(json!.notes?.at(-1)).toMatch(/^model assist \(gpt-5-mini\) failed, heuristic footprint kept: /);
    }
  });

  it('says what to do when --assist has no API key', async () => {
    const { code, err } = await footprint({}, '--assist');
    expect(code).not.toBe(0);
    expect(err).toContain('OPENAI_API_KEY is not set');
  });
});
