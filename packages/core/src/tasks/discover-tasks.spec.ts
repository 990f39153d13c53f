import { isTaskFile } from './discover-tasks';

describe('isTaskFile', () => {
  it('finds task files in every project, a project in a dot folder too', () => {
    expect(isTaskFile('packages/api/codex/add-login.md')).toBe(true);
    expect(isTaskFile('packages/api/src/login.codex.md')).toBe(true);
    expect(isTaskFile('examples/.experimental/next-app-dir/codex/fix-startup.md')).toBe(true);
  });

  it('leaves out dependencies, codewaves\' own state, and other Markdown', () => {
    expect(isTaskFile('node_modules/some-lib/codex/readme.md')).toBe(false);
    expect(isTaskFile('packages/api/node_modules/x/codex/a.md')).toBe(false);
    expect(isTaskFile('.codewaves/runs/20261125/codex/a.md')).toBe(false);
    expect(isTaskFile('packages/api/README.md')).toBe(false);
    expect(isTaskFile('packages/api/codex/nested/a.md')).toBe(false);
  });
});
