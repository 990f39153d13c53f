import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepo, type GitFixture } from '../../../../../tools/testing/git-fixture';
import { planSprint } from '../../run/plan-sprint';
import { main } from '../main';

const SPRINT = `# Sprint 12
- [ ] Validate the body in \`src/routes/users.ts\`
  Validate email format and require a password of at least 8 characters.
- [ ] fix(payments): unit tests for processPayment
- [x] Already done
1. Paginate \`src/routes/products.ts\` (depends on: validate-the-body-in-src-routes-users-ts)
`;

// In-process CLI against a real git repository: an npm workspace with two packages.
describe('codewaves sprint', () => {
  let repo: GitFixture;
  let out: string[];
  let err: string[];
  const run = (...args: string[]) => main(['node', 'codewaves', 'sprint', ...args], { cwd: repo.root, stdout: (line) => out.push(line), stderr: (line) => err.push(line) });

  beforeEach(() => {
    out = [];
    err = [];
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }),
      'packages/api/package.json': '{"name":"api"}',
      'packages/api/src/routes/users.ts': 'export function createUser() {}\n',
      'packages/api/src/routes/products.ts': 'export function listProducts() {}\n',
      'packages/payments/package.json': '{"name":"payments"}',
      'packages/payments/src/payment-service.ts': 'export function processPayment(amount: number) {\n  return amount;\n}\n',
      'packages/payments/codex/refunds.md': '---\ntitle: Add refunds\ntouches: [packages/payments/src/refunds.ts]\n---\nAdd refunds.',
      'sprint.md': SPRINT,
    });
  });
  afterEach(() => repo.remove());

  const newFiles = ['packages/api/codex/validate-the-body-in-src-routes-users-ts.md', 'packages/payments/codex/fix-payments-unit-tests-for-processpayment.md', 'packages/api/codex/paginate-src-routes-products-ts.md'];

  it('--dry-run prints where each task would go and the plan of all tasks, and writes nothing', async () => {
    expect(await run('sprint.md', '--dry-run')).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(out[0]).toBe('Would write 3 task files from sprint.md (dry run: nothing written):');
    expect(out[1]).toMatch(/^ {2}validate-the-body-in-src-routes-users-ts -> packages\/api\/codex\/validate-the-body-in-src-routes-users-ts\.md {2}\[api: predicted to write packages\/api\/src\/routes\/users\.ts/);
    expect(out[2]).toMatch(/^ {2}fix-payments-unit-tests-for-processpayment -> packages\/payments\/codex\/fix-payments-unit-tests-for-processpayment\.md {2}\[payments: /);
    expect(out[3]).toMatch(/^ {2}paginate-src-routes-products-ts -> packages\/api\/codex\/paginate-src-routes-products-ts\.md {2}\[api: /);
    expect(text).toContain('Plan: 4 tasks in 2 waves');
    expect(text).toContain('paginate-src-routes-products-ts depends on validate-the-body-in-src-routes-users-ts');
    for (const file of newFiles) expect(existsSync(join(repo.root, file))).toBe(false);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('writes the task files, and the planner then finds them on disk', async () => {
    expect(await run('sprint.md', '--json')).toBe(0);
    const printed = JSON.parse(out.join('\n')) as { dryRun: boolean; tasks: { id: string; path: string }[]; plan: { waves: string[][] } };
    expect(printed.dryRun).toBe(false);
    expect(printed.tasks.map((task) => task.path)).toEqual(newFiles);
    expect(readFileSync(join(repo.root, newFiles[2]!), 'utf8')).toBe(
      '---\ntitle: Paginate `src/routes/products.ts`\ndependsOn:\n  - validate-the-body-in-src-routes-users-ts\n---\n\nPaginate `src/routes/products.ts`\n',
    );
    const { tasks, plan } = await planSprint({ cwd: repo.root });
    expect(tasks.map((task) => [task.id, task.project])).toEqual([
      ['fix-payments-unit-tests-for-processpayment', 'payments'],
      ['paginate-src-routes-products-ts', 'api'],
      ['refunds', 'payments'],
      ['validate-the-body-in-src-routes-users-ts', 'api'],
    ]);
    expect(plan.waves).toEqual(printed.plan.waves);

    // Run again: items that already are tasks are left alone, nothing is doubled.
    out = [];
    expect(await run('sprint.md')).toBe(0);
    expect(out[0]).toBe('Nothing new in sprint.md: every open item already is a task.');
  });

  it('exits 2 and names the fix when an item points to no project', async () => {
    repo.write({ 'sprint.md': '- [ ] Write a haiku about Mondays\n' });
    expect(await run('sprint.md', '--dry-run')).toBe(2);
    expect(err.join('\n')).toContain('codewaves: sprint.md:1: no project for line 1 "Write a haiku about Mondays"');
    expect(err.join('\n')).toContain('fix: pass a default with `--project <name>`');
    expect(await run('sprint.md', '--project', 'payments', '--dry-run')).toBe(0);
    expect(out[1]).toContain('-> packages/payments/codex/write-a-haiku-about-mondays.md  [payments: nothing points to a project: the default project]');
  });

  it('exits 2 for a sprint list that does not exist', async () => {
    expect(await run('missing.md')).toBe(2);
    expect(err.join('\n')).toContain('cannot read the sprint list missing.md: ENOENT');
  });
});
