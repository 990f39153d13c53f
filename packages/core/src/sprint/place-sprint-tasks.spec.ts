import type { FootprintContext } from '../footprint';
import { parseTaskFile, type Task } from '../tasks';
import { parseSprintList } from './parse-sprint-list';
import { placeSprintTasks } from './place-sprint-tasks';
import { errorOf } from '../../../../tools/testing/error-of';

const projects = [
  { name: 'api', root: 'apps/api' },
  { name: 'web', root: 'apps/web' },
  { name: 'payments', root: 'libs/payments' },
];
const files = [
  'README.md',
  'apps/api/src/routes/products.ts',
  'apps/api/src/routes/users.ts',
  'apps/api/src/server.ts',
  'apps/web/src/app.ts',
  'libs/payments/src/index.ts',
  'libs/payments/src/payment-service.ts',
];
const context: FootprintContext = {
  files,
  projects,
  declarations: new Map([['processPayment', [{ file: 'libs/payments/src/payment-service.ts', kind: 'function', exported: true }]]]),
};
const existingTask = (file: string, text: string): Task => parseTaskFile(file, text, { project: projects.find((p) => file.startsWith(`${p.root}/`))?.name });

describe('placeSprintTasks', () => {
  it('puts each item in the project its named file, identifier or scope points to, and says why', () => {
    const items = parseSprintList('sprint.md', [
      '- [ ] Validate the body in `apps/api/src/routes/users.ts`',
      '  Require an email.',
      '- [ ] Unit tests for processPayment',
      '- [ ] chore(web): tidy up',
    ].join('\n'));
    const { tasks, existing } = placeSprintTasks(items, context, { sprintFile: 'sprint.md' });
    expect(existing).toEqual([]);
    expect(tasks.map(({ id, project, path, line }) => ({ id, project, path, line }))).toEqual([
      { id: 'validate-the-body-in-apps-api-src-routes-users-ts', project: 'api', path: 'apps/api/codex/validate-the-body-in-apps-api-src-routes-users-ts.md', line: 1 },
      { id: 'unit-tests-for-processpayment', project: 'payments', path: 'libs/payments/codex/unit-tests-for-processpayment.md', line: 3 },
      { id: 'chore-web-tidy-up', project: 'web', path: 'apps/web/codex/chore-web-tidy-up.md', line: 4 },
    ]);
    expect(tasks[0]!.reason).toMatch(/^predicted to write apps\/api\/src\/routes\/users\.ts \(0\.\d\d, /);
    expect(tasks[1]!.reason).toContain('declares function `processPayment`');
    expect(tasks[2]!.reason).toBe('the scope "web" names it');
  });

  it('writes task files the engine reads back, in the chosen project', () => {
    const items = parseSprintList('sprint.md', '- [ ] Split `apps/api/src/server.ts`\n  Move the routes out.\n- [ ] Use it in `apps/api/src/routes/users.ts` (after: split-apps-api-src-server-ts)\n');
    const [first, second] = placeSprintTasks(items, context, { sprintFile: 'sprint.md' }).tasks;
    expect(second!.content).toBe('---\ntitle: Use it in `apps/api/src/routes/users.ts`\ndependsOn:\n  - split-apps-api-src-server-ts\n---\n\nUse it in `apps/api/src/routes/users.ts`\n');
    expect(parseTaskFile(first!.path, first!.content, { project: 'api' })).toEqual(first!.task);
    expect(first!.task).toMatchObject({ project: 'api', prompt: 'Move the routes out.', file: 'apps/api/codex/split-apps-api-src-server-ts.md' });
  });

  it('falls back to the default project for items nothing points to, and to the root project without one', () => {
    const items = parseSprintList('sprint.md', '- [ ] Write a haiku about Mondays\n- [ ] Update `README.md` for every endpoint\n');
    const placed = placeSprintTasks(items, context, { sprintFile: 'sprint.md', defaultProject: 'web' }).tasks;
    expect(placed.map((entry) => [entry.project, entry.reason])).toEqual([
      ['web', 'nothing points to a project: the default project'],
      ['web', 'nothing points to a project: the default project'],
    ]);
    const withRoot = { ...context, projects: [...projects, { name: 'workspace', root: '' }] };
    const rooted = placeSprintTasks(items.slice(0, 1), withRoot, { sprintFile: 'sprint.md' }).tasks;
    expect(rooted[0]).toMatchObject({ project: 'workspace', path: 'codex/write-a-haiku-about-mondays.md', reason: 'nothing points to a project: the root project' });
  });

  it('an item that names no project goes where its title or its names point', () => {
    const items = parseSprintList('sprint.md', '- [ ] Payments: retry declined cards\n- [ ] Only call `chargeCard` once per order\n');
    // `chargeCard` is used in five files, all of payments: too many to back any one, enough to place the task
    const users = [1, 2, 3, 4, 5].map((n) => `libs/payments/src/module${n}.ts`);
    const withUsers: FootprintContext = { ...context, files: [...files, ...users], usages: new Map([['chargeCard', users]]) };
    const placed = placeSprintTasks(items, withUsers, { sprintFile: 'sprint.md', defaultProject: 'web' }).tasks;
    expect(placed.map((entry) => [entry.project, entry.reason])).toEqual([
      ['payments', 'the title opens with "payments", which names it'],
      ['payments', "nothing more specific: any file of libs/payments, where the task's names and evidence point"],
    ]);
  });

  it('an item whose title names a project by a name of several parts goes there, wherever the name is', () => {
    const gateway = { ...context, projects: [...projects, { name: '@acme/payment-gateway', root: 'libs/gateway' }], files: [...files, 'libs/gateway/src/index.ts'] };
    const placed = placeSprintTasks(parseSprintList('sprint.md', '- [ ] Speed up retries in payment-gateway\n'), gateway, { sprintFile: 'sprint.md', defaultProject: 'web' }).tasks;
    expect(placed.map((entry) => [entry.project, entry.reason])).toEqual([['@acme/payment-gateway', 'the title names it ("payment-gateway")']]);
  });

  it('an item that names one project in prose goes there, even when a name it uses is declared elsewhere', () => {
    const gateway = { ...context, projects: [...projects, { name: '@acme/payment-gateway', root: 'libs/gateway' }], files: [...files, 'libs/gateway/src/index.ts'] };
    const placed = placeSprintTasks(parseSprintList('sprint.md', '- [ ] Call processPayment from the payment gateway on retries\n'), gateway, { sprintFile: 'sprint.md' }).tasks;
    expect(placed.map((entry) => [entry.project, entry.reason])).toEqual([['@acme/payment-gateway', 'the title names it ("payment-gateway")']]);
    // naming none, the declaration places it
    const plain = placeSprintTasks(parseSprintList('sprint.md', '- [ ] Call processPayment on retries\n'), gateway, { sprintFile: 'sprint.md' }).tasks;
    expect(plain.map((entry) => entry.project)).toEqual(['payments']);
  });

  it('names every item it cannot place, and the fix', () => {
    const items = parseSprintList('sprint.md', '- [ ] Write a haiku\n- [ ] Unit tests for processPayment\n- [ ] Update `README.md`\n');
    const error = errorOf(() => placeSprintTasks(items, context, { sprintFile: 'sprint.md' }));
    expect(error).toMatchObject({ code: 'USAGE', location: { file: 'sprint.md', line: 1 } });
    expect(error.message).toBe('no project for line 1 "Write a haiku", line 3 "Update `README.md`" (writes README.md, outside every project): no predicted file or scope points to one');
    expect(error.hint).toContain('--project <name>');
    expect(error.hint).toContain('codex/<id>.md at the workspace root');
  });

  it('rejects a default that is not a project', () => {
    const error = errorOf(() => placeSprintTasks(parseSprintList('s.md', '- a'), context, { sprintFile: 's.md', defaultProject: 'nope' }));
    expect(error.message).toBe('--project nope is not a project of this workspace');
    expect(error.hint).toBe('known projects: api, web, payments');
  });

  it('takes ids of existing tasks as taken, and leaves items that already are tasks alone', () => {
    const old = existingTask('apps/api/codex/unit-tests-for-processpayment.md', '---\ntitle: Something else\n---\nx');
    const same = existingTask('apps/api/codex/paging.md', '---\ntitle: Paginate products\n---\nx');
    const items = parseSprintList('sprint.md', '- [ ] Unit tests for processPayment\n- [ ] Paginate products\n- [ ] Cache `apps/api/src/routes/products.ts` (after: paginate-products)\n');
    const { tasks, existing } = placeSprintTasks(items, context, { sprintFile: 'sprint.md', existingTasks: [old, same] });
    expect(tasks.map((entry) => entry.id)).toEqual(['unit-tests-for-processpayment-2', 'cache-apps-api-src-routes-products-ts']);
    expect(tasks[1]!.task.dependsOn).toEqual(['paging']);
    expect(existing).toEqual([{ line: 2, title: 'Paginate products', id: 'paging', file: 'apps/api/codex/paging.md' }]);
  });

  it('never overwrites a file: it names the one in the way', () => {
    const renamed = existingTask('apps/api/codex/validate-users-ts.md', '---\nid: other\ntitle: Other\n---\nx');
    const error = errorOf(() =>
      placeSprintTasks(parseSprintList('sprint.md', '\n- [ ] Validate users.ts'), { ...context, files: [...files, renamed.file] }, { sprintFile: 'sprint.md', existingTasks: [renamed] }),
    );
    expect(error).toMatchObject({ code: 'USAGE', location: { file: 'sprint.md', line: 2 }, message: 'apps/api/codex/validate-users-ts.md already exists; a sprint never overwrites a file' });
  });

  it('does not place a task by the names of other task files', () => {
    const other = existingTask('apps/web/codex/paginate-the-product-listing-old.md', '---\ntitle: Old paging\n---\nx');
    const { tasks } = placeSprintTasks(parseSprintList('s.md', '- Paginate the product listing'), { ...context, files: [...files, other.file] }, { sprintFile: 's.md', existingTasks: [other], defaultProject: 'payments' });
    expect(tasks[0]!.project).not.toBe('web');
  });

  it('checks the new tasks together with the existing ones, and refuses a sprint list that is itself a task file', () => {
    expect(errorOf(() => placeSprintTasks(parseSprintList('s.md', '- Fix `apps/api/src/server.ts` (after: nowhere)'), context, { sprintFile: 's.md' })).code).toBe('TASK_UNKNOWN_DEPENDENCY');
    const list = existingTask('apps/api/codex/sprint.md', '- [ ] Fix `apps/api/src/server.ts`');
    expect(errorOf(() => placeSprintTasks(parseSprintList(list.file, list.prompt), context, { sprintFile: list.file, existingTasks: [list] })).message).toContain('the sprint list is itself a task file');
  });
});
