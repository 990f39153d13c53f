import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scriptedModel, startOpenAIServer, type OpenAIServer, type ScriptedReply } from '../tools/openai-server';
import { packPackages } from './support/packages';
import { expectExit } from './support/run';
import { countRequests, requestsFor } from './support/model';
import { createWorkspace, type TempWorkspace } from './support/workspace';

/**
 * One real Nx workspace for the whole suite, made as a user makes one: nx from the registry, the
 * packed @codewaves/core and @codewaves/nx tarballs, `nx g` for the setup, `nx run-many` for the
 * runs, and agents talking over HTTP to the local OpenAI-compatible server in this process.
 * The tests build on each other, in order: init, tasks, plan, run, non-batch run, bad input.
 */

const NX_VERSION = '23.2.1';

const SHARED_INDEX = `// shared library
export function greet(name: string): string {
  return 'hello ' + name;
}

export const VERSION = 1;

// end of shared
`;

const API_MAIN = `export function main(): string {
  return 'api';
}
`;

const API_HEALTH = `export function health(): string {
  return 'ok';
}
`;

/** The three tasks. Two write libs/shared/src/index.ts (one in api, one in shared): they must not share a wave. */
const GREETING = { id: 'use-a-friendlier-greeting', title: 'Use a friendlier greeting', file: 'apps/api/codex/use-a-friendlier-greeting.md' };
const FAREWELL = { id: 'add-farewell-to-shared', title: 'Add farewell to shared', file: 'libs/shared/codex/add-farewell-to-shared.md' };
const HEALTH = { id: 'add-a-health-check', title: 'Add a health check to the api', file: 'apps/api/codex/add-a-health-check.md' };
const ALL_TASKS = [GREETING, FAREWELL, HEALTH];

/** Each task's edit, as old -> new text; the two edits of the shared file are lines apart. */
const EDITS = {
  greeting: { path: 'libs/shared/src/index.ts', old_string: "  return 'hello ' + name;", new_string: "  return 'Hello, ' + name + '!';" },
  farewell: {
    path: 'libs/shared/src/index.ts',
    old_string: '// end of shared',
    new_string: "export function farewell(name: string): string {\n  return 'bye ' + name;\n}\n\n// end of shared",
  },
  health: {
    path: 'apps/api/src/health.ts',
    old_string: "  return 'ok';",
    new_string: "  return process.uptime() > 0 ? 'ok' : 'starting';",
  },
};

const apply = (text: string, ...edits: Array<{ old_string: string; new_string: string }>) =>
  edits.reduce((result, edit) => result.replace(edit.old_string, edit.new_string), text);

/** read the file, edit it, finish: three model turns per task. */
function script(edit: { path: string; old_string: string; new_string: string }, summary: string): ScriptedReply[] {
  return [
    { toolCalls: [{ name: 'read_file', arguments: { path: edit.path } }] },
    { reasoning: `edit ${edit.path}`, toolCalls: [{ name: 'edit_file', arguments: edit }] },
    { toolCalls: [{ name: 'finish', arguments: { summary } }] },
  ];
}

const SCRIPTS: Record<string, ScriptedReply[]> = {
  [GREETING.title]: script(EDITS.greeting, 'made the greeting friendlier'),
  [FAREWELL.title]: script(EDITS.farewell, 'added farewell'),
  [HEALTH.title]: script(EDITS.health, 'added health'),
};

describe('codewaves in a real Nx workspace', () => {
  let ws: TempWorkspace;
  let server: OpenAIServer;
  let packDir: string | undefined;
  /** The commit every run starts from: main after the tasks were committed. */
  let tasksCommit: string;

  const modelEnv = () => ws.env({ OPENAI_API_KEY: 'test', OPENAI_BASE_URL: server.url });

  /** What must not change when codewaves refuses to start. */
  const snapshot = async () => ({
    branches: await ws.codewavesBranches(),
    head: (await ws.git('rev-parse', 'HEAD')).trim(),
    currentBranch: (await ws.git('rev-parse', '--abbrev-ref', 'HEAD')).trim(),
    status: await ws.git('status', '--porcelain', '--untracked-files=all'),
    worktrees: await ws.git('worktree', 'list', '--porcelain'),
    worktreeFolders: existsSync(ws.worktrees) ? readdirSync(ws.worktrees, { recursive: true }).length : 0,
    runs: existsSync(join(ws.root, '.codewaves', 'runs')) ? readdirSync(join(ws.root, '.codewaves', 'runs')).length : 0,
    requests: server.requests.length,
  });

  beforeAll(async () => {
    const tarballs = await packPackages(['core', 'nx']);
    packDir = dirname(tarballs.core);
    ws = await createWorkspace({
      prefix: 'codewaves-e2e-nx-',
      devDependencies: { nx: NX_VERSION, '@codewaves/core': `file:${tarballs.core}`, '@codewaves/nx': `file:${tarballs.nx}` },
      files: { 'nx.json': '{}\n', '.gitignore': 'node_modules\n.nx\n' },
    });
    server = await startOpenAIServer({ handler: scriptedModel(SCRIPTS) });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    ws?.remove();
    if (packDir) rmSync(packDir, { recursive: true, force: true });
  });

  it('nx g @codewaves/nx:init registers the plugin and keeps .codewaves out of git', async () => {
    expectExit(await ws.npx(['nx', 'g', '@codewaves/nx:init']), 0, 'nx g @codewaves/nx:init');

    const nxJson = JSON.parse(ws.read('nx.json')) as { plugins?: unknown[] };
    expect(nxJson.plugins).toEqual(['@codewaves/nx']);
    const ignored = ws.read('.gitignore').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.nx', '.codewaves']));
    await ws.commit('add codewaves');
  });

  it('nx g @codewaves/nx:task writes task files for two projects', async () => {
    // One commit per project: files committed together look related to codewaves' history evidence.
    ws.write({ 'apps/api/project.json': '{ "name": "api" }\n', 'apps/api/src/main.ts': API_MAIN, 'apps/api/src/health.ts': API_HEALTH });
    await ws.commit('api app');
    ws.write({ 'libs/shared/project.json': '{ "name": "shared" }\n', 'libs/shared/src/index.ts': SHARED_INDEX });
    await ws.commit('shared library');

    expectExit(await ws.bin(['nx', 'g', '@codewaves/nx:task', 'api', '--title', GREETING.title, '--touches', EDITS.greeting.path]), 0, 'nx g task (api)');
    expectExit(
      await ws.bin(['nx', 'g', '@codewaves/nx:task', 'shared', '--title', FAREWELL.title, '--touches', EDITS.farewell.path, '--body', 'Add a farewell(name) function at the end of the file.']),
      0,
      'nx g task (shared)',
    );
    // The third by hand, as the README shows it.
    ws.write({
      [HEALTH.file]: `---\ntitle: ${HEALTH.title}\ntouches: [${EDITS.health.path}]\n---\n\nMake the health check report whether the process is up.\n`,
    });

    expect(ws.read(GREETING.file)).toBe(`---\ntitle: ${GREETING.title}\ntouches:\n  - ${EDITS.greeting.path}\n---\n\n${GREETING.title}\n`);
    expect(ws.read(FAREWELL.file)).toContain(`title: ${FAREWELL.title}\n`);
    expect(ws.read(FAREWELL.file)).toContain('Add a farewell(name) function at the end of the file.');
    tasksCommit = await ws.commit('three tasks');
  });

  it('plans the two tasks that write the same file into different waves', async () => {
    const planned = expectExit(await ws.npx(['codewaves', 'plan', '--json']), 0, 'codewaves plan --json');
    const plan = JSON.parse(planned.stdout) as {
      baseCommit: string;
      tasks: Array<{ id: string; project?: string }>;
      waves: string[][];
      edges: Array<{ kind: string; from: string; to: string; paths: string[] }>;
    };
    expect(plan.baseCommit).toBe(tasksCommit);
    expect(plan.tasks.map((task) => [task.id, task.project]).sort()).toEqual([
      [HEALTH.id, 'api'],
      [FAREWELL.id, 'shared'],
      [GREETING.id, 'api'],
    ].sort());
    expect(plan.waves).toHaveLength(2);
    expect(plan.waves.flat().sort()).toEqual(ALL_TASKS.map((task) => task.id).sort());
    const waveOf = (id: string) => plan.waves.findIndex((wave) => wave.includes(id));
    expect(waveOf(GREETING.id)).not.toBe(waveOf(FAREWELL.id));
    const sharedEdge = plan.edges.find((edge) => [edge.from, edge.to].sort().join() === [FAREWELL.id, GREETING.id].sort().join());
    expect(sharedEdge).toMatchObject({ kind: 'write-write', paths: expect.arrayContaining(['libs/shared/src/index.ts']) });

    // The inferred codex-plan targets, batched: one plan across both projects.
    const nxPlan = expectExit(await ws.bin(['nx', 'run-many', '-t', 'codex-plan']), 0, 'nx run-many -t codex-plan');
    expect(nxPlan.output).toContain('Plan: 3 tasks in 2 waves');
    expect(nxPlan.output).toContain('2 waves');
    expect(nxPlan.output).toMatch(/Successfully ran target codex-plan for 2 projects/);

    // The same target as a CI gate: a plan that needs more waves than allowed fails the target.
    const gate = await ws.bin(['nx', 'run-many', '-t', 'codex-plan', '--check', '--maxWaves=1']);
    expect(gate.code).not.toBe(0);
    expect(gate.output).toContain('the plan needs 2 waves, more than --max-waves 1');
    const markdown = expectExit(await ws.bin(['codewaves', 'plan', '--format', 'markdown']), 0, 'codewaves plan --format markdown');
    expect(markdown.stdout).toContain('```mermaid');
  });

  it('nx run-many -t codex runs every task in waves and merges all of them into one integration branch', async () => {
    const before = await snapshot();
    expect(before.status).toBe('');

    const result = expectExit(await ws.npx(['nx', 'run-many', '-t', 'codex'], { env: modelEnv() }), 0, 'nx run-many -t codex');

    // Batch mode (preferBatch): one process ran both projects' tasks, planned together.
    expect(result.output).toMatch(/Running 2 tasks with @codewaves\/nx:codex\b/);
    // What the user saw: the plan, each wave, each task's statuses, the summary.
    expect(result.output).toContain('Plan: 3 tasks in 2 waves');
    expect(result.output).toMatch(/wave 1: /);
    expect(result.output).toMatch(/wave 2: /);
    for (const task of ALL_TASKS) {
      expect(result.output).toContain(`${task.id}: running`);
      expect(result.output).toContain(`${task.id}: completed`);
      expect(result.output).toContain(`${task.id}: merged`);
    }
    expect(result.output).toContain('3/3 tasks merged in 2 waves');

    // Exactly one integration branch; the task branches live under codewaves/tasks/.
    const integration = await ws.integrationBranches();
    expect(integration).toHaveLength(1);
    const branch = integration[0]!;
    expect(branch).toMatch(/^codewaves\/[^/]+$/);
    const runId = branch.slice('codewaves/'.length);
    expect(await ws.codewavesBranches()).toEqual([branch, ...ALL_TASKS.map((task) => `codewaves/tasks/${runId}/${task.id}`).sort()].sort());

    // All three changes are on it, both edits of the shared file included, and no conflict markers anywhere.
    expect(await ws.git('show', `${branch}:libs/shared/src/index.ts`)).toBe(apply(SHARED_INDEX, EDITS.greeting, EDITS.farewell));
    expect(await ws.git('show', `${branch}:apps/api/src/health.ts`)).toBe(apply(API_HEALTH, EDITS.health));
    expect(await ws.git('show', `${branch}:apps/api/src/main.ts`)).toBe(API_MAIN);
    const markers = await ws.tryGit('grep', '-n', '<<<<<<<', branch);
    expect({ code: markers.code, found: markers.stdout }).toEqual({ code: 1, found: '' });
    expect(await ws.git('merge-base', '--is-ancestor', tasksCommit, branch)).toBe('');
    const merges = (await ws.git('log', '--format=%s', `${tasksCommit}..${branch}`)).split('\n').filter((line) => line.startsWith('codewaves: merge'));
    expect(merges.sort()).toEqual(
      [`codewaves: merge ${FAREWELL.id} (wave 1)`, `codewaves: merge ${HEALTH.id} (wave 1)`, `codewaves: merge ${GREETING.id} (wave 2)`].sort(),
    );

    // The user's checkout: same branch, same commit, nothing changed, no worktree left inside or outside.
    const after = await snapshot();
    expect(after.currentBranch).toBe('main');
    expect(after.head).toBe(before.head);
    expect(after.status).toBe('');
    expect(after.worktrees).toBe(before.worktrees);

    // The model served each task's own three-turn conversation.
    for (const task of ALL_TASKS) expect(countRequests(server, task.title)).toBe(3);
    const greetingTurns = requestsFor(server, GREETING.title);
    // wave 2 started from wave 1's merge: the greeting task read the file with the farewell already in it
    expect(greetingTurns[1]!.messages.find((message) => message.role === 'tool')!.content).toContain('export function farewell');
  });

  it('runs one project\'s codex target with batch mode off', async () => {
    const before = await snapshot();
    const requestsBefore = server.requests.length;
    const result = expectExit(await ws.bin(['nx', 'run', 'api:codex', '--batch=false'], { env: modelEnv() }), 0, 'nx run api:codex --batch=false');
    // Batch mode would have added each project's result lines (`merged     <id> (wave 1)`) after the
    // run's own output; the executor ran alone, in its own process, for api only.
    expect(result.output).not.toMatch(/^merged +\S+ \(wave \d+\)$/m);
    expect(result.output).toContain('Successfully ran target codex for project api');
    expect(result.output).toContain('Plan: 2 tasks in 1 wave');
    expect(result.output).toContain(`${GREETING.id}: merged`);
    expect(result.output).toContain(`${HEALTH.id}: merged`);
    expect(result.output).not.toContain(FAREWELL.id);

    // A second run, a second integration branch, from the same main: api's two changes, not shared's task.
    const integration = await ws.integrationBranches();
    expect(integration).toHaveLength(2);
    const second = integration.find((branch) => !before.branches.includes(branch))!;
    expect(second).toBeDefined();
    expect(await ws.git('show', `${second}:libs/shared/src/index.ts`)).toBe(apply(SHARED_INDEX, EDITS.greeting));
    expect(await ws.git('show', `${second}:apps/api/src/health.ts`)).toBe(apply(API_HEALTH, EDITS.health));
    expect(server.requests.length - requestsBefore).toBe(6);

    const after = await snapshot();
    expect([after.currentBranch, after.head, after.status]).toEqual(['main', before.head, '']);
  });

  describe('bad input: a clear message, exit 2, nothing started', () => {
    /** Runs `body`, then removes `files` and checks the workspace is exactly as before. */
    async function refused(files: Record<string, string>, body: () => Promise<void>): Promise<void> {
      const before = await snapshot();
      ws.write(files);
      try {
        await body();
        const after = await snapshot();
        expect(after.branches).toEqual(before.branches);
        expect(after.head).toBe(before.head);
        expect(after.currentBranch).toBe('main');
        expect(after.worktrees).toBe(before.worktrees);
        expect(after.worktreeFolders).toBe(before.worktreeFolders);
        expect(after.runs).toBe(before.runs);
        expect(after.requests).toBe(before.requests);
      } finally {
        for (const path of Object.keys(files)) rmSync(join(ws.root, path), { force: true });
        await ws.git('checkout', '-q', '--', '.');
      }
      expect(await ws.git('status', '--porcelain', '--untracked-files=all')).toBe('');
    }

    it('malformed front matter names the file and the line', async () => {
      await refused({ 'apps/api/codex/broken-yaml.md': '---\ntitle: Broken\ntouches: [apps/api/src/main.ts\n---\nDo it.\n' }, async () => {
        const plan = expectExit(await ws.bin(['codewaves', 'plan']), 2, 'codewaves plan (broken YAML)');
        expect(plan.stderr).toMatch(/apps\/api\/codex\/broken-yaml\.md:\d+(:\d+)?: invalid YAML in front matter/);
        expect(plan.stdout).not.toContain('Plan:');
      });
      await refused({ 'apps/api/codex/broken-schema.md': '---\ntitle: Broken\ntouches: apps/api/src/main.ts\n---\nDo it.\n' }, async () => {
        const run = expectExit(await ws.bin(['codewaves', 'run'], { env: modelEnv() }), 2, 'codewaves run (touches not a list)');
        expect(run.stderr).toContain('apps/api/codex/broken-schema.md:3: front matter `touches` must be a list');
        expect(run.stderr).toContain('fix: write touches as a list of globs');
      });
    });

    it('an unknown dependsOn id names the task and the known ids', async () => {
      await refused({ 'libs/shared/codex/needs-ghost.md': '---\ntitle: Needs a ghost\ndependsOn: [ghost-task]\n---\nDo it.\n' }, async () => {
        const run = expectExit(await ws.bin(['codewaves', 'run'], { env: modelEnv() }), 2, 'codewaves run (unknown dependsOn)');
        expect(run.stderr).toContain('task `needs-ghost` depends on `ghost-task`, which is not a task in this run');
        expect(run.stderr).toContain(`known task ids: ${[FAREWELL.id, HEALTH.id, 'needs-ghost', GREETING.id].sort().join(', ')}`);
      });
    });

    it('a dependency cycle is printed in order, by the CLI and by the Nx target', async () => {
      const cycle = {
        'libs/shared/codex/cycle-a.md': '---\ntitle: Cycle A\ndependsOn: [cycle-b]\n---\nA.\n',
        'libs/shared/codex/cycle-b.md': '---\ntitle: Cycle B\ndependsOn: [cycle-a]\n---\nB.\n',
      };
      await refused(cycle, async () => {
        const plan = expectExit(await ws.bin(['codewaves', 'plan']), 2, 'codewaves plan (cycle)');
        expect(plan.stderr).toContain('dependsOn forms a cycle: cycle-a -> cycle-b -> cycle-a');
        const nx = await ws.bin(['nx', 'run-many', '-t', 'codex'], { env: modelEnv() });
        expect(nx.code).not.toBe(0);
        expect(nx.output).toContain('dependsOn forms a cycle: cycle-a -> cycle-b -> cycle-a');
      });
    });

    it('outside a git repository', async () => {
      const scratch = mkdtempSync(join(tmpdir(), 'codewaves-e2e-nogit-'));
      try {
        mkdirSync(join(scratch, 'codex'));
        writeFileSync(join(scratch, 'package.json'), '{ "name": "plain" }\n');
        writeFileSync(join(scratch, 'codex', 'task.md'), '---\ntitle: Anything\n---\nDo it.\n');
        // Stop git's upward search at the temp folder, whatever is above it.
        const env = ws.env({ GIT_CEILING_DIRECTORIES: dirname(scratch), OPENAI_API_KEY: 'test', OPENAI_BASE_URL: server.url });
        const bin = join(ws.root, 'node_modules', '.bin', 'codewaves');
        for (const command of ['plan', 'run']) {
          const result = expectExit(await ws.run(bin, [command], { cwd: scratch, env }), 2, `codewaves ${command} outside git`);
          expect(result.stderr).toContain(`${scratch} is not inside a git repository`);
          expect(result.stderr).toContain('fix: codewaves runs each agent in a git worktree');
        }
        expect(readdirSync(scratch).sort()).toEqual(['codex', 'package.json']);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });

    it('uncommitted edits to a file a task will change stop the run', async () => {
      await refused({ 'libs/shared/src/index.ts': `${SHARED_INDEX}export const dirty = true;\n` }, async () => {
        const run = expectExit(await ws.bin(['codewaves', 'run'], { env: modelEnv() }), 2, 'codewaves run (dirty tree)');
        expect(run.stderr).toContain('uncommitted changes in files the tasks will change: libs/shared/src/index.ts');
        expect(run.stderr).toContain('--allow-dirty');
        // the user's edit is still there, untouched
        expect(ws.read('libs/shared/src/index.ts')).toContain('export const dirty = true;');
      });
      expect(ws.read('libs/shared/src/index.ts')).toBe(SHARED_INDEX);
    });

    it('an unreachable model endpoint fails before anything is created', async () => {
      await refused({}, async () => {
        const env = ws.env({ OPENAI_API_KEY: 'test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
        const run = expectExit(await ws.bin(['codewaves', 'run'], { env }), 2, 'codewaves run (unreachable endpoint)');
        expect(run.stderr).toContain('cannot reach the model endpoint http://127.0.0.1:9/v1');
        expect(run.stdout).not.toContain('Run ');
      });
    });

    it('an invalid --provider names the allowed values', async () => {
      await refused({}, async () => {
        const run = expectExit(await ws.bin(['codewaves', 'run', '--provider', 'bogus'], { env: modelEnv() }), 2, 'codewaves run --provider bogus');
        expect(run.stderr).toContain('Allowed choices are openai, replay');
      });
    });
  });
});
