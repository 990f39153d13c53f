import { addProjectConfiguration, logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parseTaskFile } from '@codewaves/core';
import { sprintGenerator } from './generator';

describe('sprint generator', () => {
  let tree: Tree;
  let logged: string[];
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    addProjectConfiguration(tree, 'api', { root: 'apps/api' });
    addProjectConfiguration(tree, 'payments', { root: 'libs/payments' });
    tree.write('apps/api/src/routes/users.ts', 'export function createUser() {}\n');
    tree.write('libs/payments/src/payment-service.ts', 'export function processPayment() {}\n');
    tree.write('libs/payments/codex/refunds.md', '---\ntitle: Add refunds\n---\nAdd refunds.\n');
    logged = [];
    jest.spyOn(logger, 'info').mockImplementation((message) => void logged.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes each item to the project its footprint points to, and says why', async () => {
    tree.write(
      'sprint.md',
      [
        '# Sprint 12',
        '- [ ] Add input validation to `apps/api/src/routes/users.ts`',
        '  Validate email format and require a password of at least 8 characters.',
        '- [ ] fix(payments): unit tests for processPayment (after: Add refunds)',
        '- [x] Done already',
        '* [ ] Update the README',
      ].join('\n'),
    );
    await sprintGenerator(tree, { from: 'sprint.md', project: 'api', skipFormat: true });

    const file = 'apps/api/codex/add-input-validation-to-apps-api-src-routes-users-ts.md';
    expect(tree.read(file, 'utf-8')).toMatchInlineSnapshot(`
"---
title: Add input validation to \`apps/api/src/routes/users.ts\`
---

Validate email format and require a password of at least 8 characters.
"
`);
    expect(parseTaskFile(file, tree.read(file, 'utf-8')!)).toMatchObject({ id: 'add-input-validation-to-apps-api-src-routes-users-ts' });
    expect(tree.read('libs/payments/codex/fix-payments-unit-tests-for-processpayment.md', 'utf-8')).toContain('dependsOn:\n  - refunds\n');
    expect(tree.exists('apps/api/codex/update-the-readme.md')).toBe(true);
    expect(logged).toEqual([
      '3 task files from sprint.md:',
      expect.stringMatching(/^ {2}add-input-validation-to-apps-api-src-routes-users-ts -> apps\/api\/codex\/add-input-validation-to-apps-api-src-routes-users-ts\.md {2}\[api: predicted to write apps\/api\/src\/routes\/users\.ts/),
      '  fix-payments-unit-tests-for-processpayment -> libs/payments/codex/fix-payments-unit-tests-for-processpayment.md  [payments: the scope "payments" names it]',
      '  update-the-readme -> apps/api/codex/update-the-readme.md  [api: nothing points to a project: the default project]',
      'See the waves they make with `nx run-many -t codex-plan`, run them with `nx run-many -t codex`.',
    ]);
  });

  it('leaves items that already are tasks alone, so the list can be run again', async () => {
    tree.write('sprint.md', '- [ ] Add refunds\n');
    await sprintGenerator(tree, { from: 'sprint.md', skipFormat: true });
    expect(logged[0]).toBe('Nothing new in sprint.md: every open item already is a task.');
    expect(logged[1]).toBe('  line 1 is already a task: refunds (libs/payments/codex/refunds.md), left as it is');
  });

  it('puts the file, the line and the fix into its errors', async () => {
    tree.write('sprint.md', '# Sprint\n- [ ] Write a haiku\n');
    await expect(sprintGenerator(tree, { from: './sprint.md', skipFormat: true })).rejects.toThrow(/^sprint\.md:2: no project for line 2 "Write a haiku".*\n {2}fix: pass a default with `--project <name>`/s);
    await expect(sprintGenerator(tree, { from: 'nope.md', skipFormat: true })).rejects.toThrow('nope.md: no such file in the workspace');
    expect(tree.exists('apps/api/codex')).toBe(false);
  });
});
