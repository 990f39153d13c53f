import { gitRepo, type GitFixture } from '../../../../../tools/testing/git-fixture';
import { main } from '../main';

// In-process CLI against a real git repository: an npm workspace with two packages.
describe('codewaves footprint', () => {
  let repo: GitFixture;
  let out: string[];
  let err: string[];
  const run = (...args: string[]) => main(['node', 'codewaves', 'footprint', ...args], { cwd: repo.root, stdout: (line) => out.push(line), stderr: (line) => err.push(line) });

  beforeAll(() => {
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }),
      'packages/api/package.json': '{"name":"api"}',
      'packages/api/src/routes/users.ts': 'export function createUser() {}\n',
      'packages/payments-gateway/package.json': '{"name":"@acme/payments-gateway"}',
      'packages/payments-gateway/README.md': '# Payments gateway\n',
      'packages/payments-gateway/src/gateway.ts': 'export function charge() {}\n',
      'task.md': 'Fix a typo in the payments-gateway README\n',
    });
  });
  afterAll(() => repo.remove());
  beforeEach(() => {
    out = [];
    err = [];
  });

  it('prints the write set as paths for the scorer, and places a task by the project its prose names', async () => {
    expect(await run('task.md', '--format', 'paths')).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual(['packages/payments-gateway/README.md']);
  });

  it('exits 2 and names the file for a task file that does not exist', async () => {
    expect(await run('missing.md')).toBe(2);
    expect(err.join('\n')).toContain('cannot read the task file missing.md: ENOENT');
    expect(err.join('\n')).not.toContain('internal error');
  });
});
