import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptedModel, startOpenAIServer, type OpenAIServer } from '../../../../tools/openai-server';
import { GIT_TEST_ENV, gitRepo, type GitFixture } from '../../../../tools/testing/git-fixture';
import { renderConversation, renderSummaryText } from '../report';
import { readThread } from '../threads';
import { runSprint } from './run-sprint';

const routes = (names: string[]) =>
  `${names.map((name) => `import { ${name} } from './${name}';`).join('\n')}\n\nexport const routes = [\n${names.map((name) => `  { path: '/${name}', handler: ${name} },`).join('\n')}\n];\n`;
const ROUTES_BASE = routes(['health']);

// Two tasks the footprint could not see colliding: both edit the same line of a file neither declared.
describe('re-run on the merged code after a conflict', () => {
  let server: OpenAIServer;
  let repo: GitFixture;
  let worktrees: string;

  beforeAll(async () => {
    server = await startOpenAIServer({
      handler: scriptedModel({
        'Rename to alpha': [
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/shared.ts', old_string: "'base'", new_string: "'alpha'" } }, { name: 'write_file', arguments: { path: 'src/a.ts', content: 'export {};\n' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'alpha' } }] },
        ],
        'Add the users route': [
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/routes.ts', old_string: ROUTES_BASE, new_string: routes(['health', 'users']) } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'users' } }] },
        ],
        'Add the orders route': [
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/routes.ts', old_string: ROUTES_BASE, new_string: routes(['health', 'orders']) } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'orders' } }] },
        ],
        'Add beta': [
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/shared.ts', old_string: "'base'", new_string: "'base-beta'" } }, { name: 'write_file', arguments: { path: 'src/b.ts', content: 'export {};\n' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'beta' } }] },
          // after the conflict message: redo the change on top of the merged code
          { toolCalls: [{ name: 'edit_file', arguments: { path: 'src/shared.ts', old_string: "'alpha'", new_string: "'alpha-beta'" } }, { name: 'write_file', arguments: { path: 'src/b.ts', content: 'export {};\n' } }] },
          { toolCalls: [{ name: 'finish', arguments: { summary: 'beta on top of alpha' } }] },
        ],
      }),
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    worktrees = mkdtempSync(join(tmpdir(), 'codewaves-worktrees-'));
    repo = gitRepo({
      'package.json': '{"name":"ws","private":true}',
      'src/shared.ts': "export const name = 'base';\n",
      'codex/alpha.md': '---\ntitle: Rename to alpha\ntouches: [src/a.ts]\n---\nx',
      'codex/beta.md': '---\ntitle: Add beta\ntouches: [src/b.ts]\n---\nx',
      'src/routes.ts': ROUTES_BASE,
    });
  });
  afterEach(() => {
    repo.remove();
    rmSync(worktrees, { recursive: true, force: true });
  });
  const env = () => ({ ...process.env, ...GIT_TEST_ENV, OPENAI_API_KEY: 'test', OPENAI_BASE_URL: server.url, CODEWAVES_WORKTREES: worktrees });

  it('tells the later task what conflicted, re-runs it on the merged code and merges both', async () => {
    const summary = await runSprint({ cwd: repo.root, runId: 'r1', env: env() });
    expect(summary.waves).toEqual([['alpha', 'beta']]);
    expect(summary.tasks.map((t) => [t.id, t.status])).toEqual([
      ['alpha', 'merged'],
      ['beta', 'merged'],
    ]);
    expect(repo.git('show', 'codewaves/r1:src/shared.ts')).toBe("export const name = 'alpha-beta';\n");
    const statuses = readThread(join(summary.threadsDir, 'threads', 'beta.jsonl')).filter((e) => e.type === 'status').map((e) => (e as { status: string }).status);
    expect(statuses).toEqual(['queued', 'running', 'completed', 'conflicted', 'running', 'completed', 'merged']);
    const rerun = server.requests.filter((r) => r.messages.some((m) => m.content?.includes('Add beta'))).at(-2)!;
    expect(rerun.messages.at(-1)!.content).toContain('work merged before it in this wave also changed src/shared.ts');
    // neither task declared the file they collided on: the run says so
    expect(summary.tasks.find((t) => t.id === 'beta')!.drift).toEqual({ unplanned: ['src/shared.ts'], untouched: [] });
    // the first attempt is kept
    expect(repo.git('show', 'codewaves/tasks/r1/beta-attempt-1:src/shared.ts')).toBe("export const name = 'base-beta';\n");
  });

  it('merges two tasks that both add an import and a route to one file structurally, with no re-run', async () => {
    repo.git('rm', '-q', 'codex/alpha.md', 'codex/beta.md');
    repo.write({
      'codex/users.md': '---\ntitle: Add the users route\ntouches: [src/users.ts]\n---\nx',
      'codex/orders.md': '---\ntitle: Add the orders route\ntouches: [src/orders.ts]\n---\nx',
    });
    repo.commit('route tasks');
    // Both tasks are predicted to write the route registry src/routes.ts, a hotspot: by default that
    // keeps them apart; left to the merge, they share a wave and the merge joins their edits.
    const summary = await runSprint({ cwd: repo.root, runId: 'r3', env: env(), policy: { hotspots: 'merge' } });
    expect(summary.waves).toEqual([['orders', 'users']]);
    expect(summary.tasks.map((t) => [t.id, t.status])).toEqual([
      ['orders', 'merged'],
      ['users', 'merged'],
    ]);
    expect(repo.git('show', 'codewaves/r3:src/routes.ts')).toBe(routes(['health', 'orders', 'users']));
    const users = summary.tasks.find((t) => t.id === 'users')!;
    expect(users.resolvedConflicts).toEqual([{ file: 'src/routes.ts', by: 'typescript' }]);
    const statuses = readThread(join(summary.threadsDir, 'threads', 'users.jsonl')).filter((e) => e.type === 'status').map((e) => (e as { status: string }).status);
    expect(statuses).toEqual(['queued', 'running', 'completed', 'merged']);
    expect(renderSummaryText(summary)).toContain('conflicts resolved: src/routes.ts (structurally)');
  });

  it('leaves the task conflicted, with its work on its branch, when re-runs are off', async () => {
    const summary = await runSprint({ cwd: repo.root, runId: 'r2', env: env(), rerunConflicts: false });
    const beta = summary.tasks.find((t) => t.id === 'beta')!;
    expect(beta.status).toBe('conflicted');
    expect(beta.conflictFiles).toEqual(['src/shared.ts']);
    expect(repo.git('show', 'codewaves/tasks/r2/beta:src/shared.ts')).toBe("export const name = 'base-beta';\n");
    const text = renderSummaryText(summary);
    expect(text).toContain('conflicting files: src/shared.ts');
    expect(text).toContain('resolve by hand: git switch -c resolve-beta codewaves/r2 && git merge codewaves/tasks/r2/beta');
    // both sides, as git marks them, are in the thread
    const conversation = renderConversation(readThread(join(summary.threadsDir, 'threads', 'beta.jsonl')));
    expect(conversation).toContain(
      ["[conflict] src/shared.ts", '    src/shared.ts:', '    <<<<<<< refs/heads/codewaves/r2', "    export const name = 'alpha';", '    =======', "    export const name = 'base-beta';", '    >>>>>>> codewaves/tasks/r2/beta'].join('\n'),
    );
  });
});
