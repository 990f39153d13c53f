import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parseTaskFile } from '@codewaves/core';
import { taskGenerator } from './generator';

describe('task generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    addProjectConfiguration(tree, 'api', { root: 'apps/api' });
  });

  it('writes <project>/codex/<id>.md that the engine reads back', async () => {
    await taskGenerator(tree, {
      project: 'api',
      title: 'Add input validation to POST /api/users',
      touches: 'apps/api/src/routes/users.ts,apps/api/src/validation/**',
      dependsOn: ['create-validation-lib'],
      skipFormat: true,
    });
    const file = 'apps/api/codex/add-input-validation-to-post-api-users.md';
    const text = tree.read(file, 'utf-8')!;
    expect(text).toMatchInlineSnapshot(`
"---
title: Add input validation to POST /api/users
touches:
  - apps/api/src/routes/users.ts
  - apps/api/src/validation/**
dependsOn:
  - create-validation-lib
---

Add input validation to POST /api/users
"
`);
    expect(parseTaskFile(file, text)).toMatchObject({ touches: ['apps/api/src/routes/users.ts', 'apps/api/src/validation/**'], dependsOn: ['create-validation-lib'] });
  });

  it('uses --id and --body, and refuses to overwrite', async () => {
    await taskGenerator(tree, { project: 'api', title: 'Paginate', id: 'paginate', body: 'Add ?page and ?pageSize.', skipFormat: true });
    expect(tree.read('apps/api/codex/paginate.md', 'utf-8')).toContain('\nAdd ?page and ?pageSize.\n');
    await expect(taskGenerator(tree, { project: 'api', title: 'Paginate', id: 'paginate', skipFormat: true })).rejects.toThrow('already exists');
  });

  it('rejects an id the engine would reject', async () => {
    await expect(taskGenerator(tree, { project: 'api', title: 'x', id: '-bad', skipFormat: true })).rejects.toThrow('must be an id');
  });
});
