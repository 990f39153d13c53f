import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CreateNodesContextV2 } from '@nx/devkit';
import { createNodesV2, TASK_FILE_GLOB } from './plugin';

describe('createNodesV2', () => {
  let root: string;
  const context = (): CreateNodesContextV2 => ({ nxJsonConfiguration: {}, workspaceRoot: root });
  const write = (path: string, content = '') => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'codewaves-plugin-'));
    write('apps/api/project.json', '{"name":"api"}');
    write('libs/pay/package.json', '{"name":"pay"}');
    write('apps/api/codex/a.md');
    write('apps/api/codex/b.md');
    write('libs/pay/src/refund.codex.md');
    write('loose/codex/orphan.md');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('matches both task file layouts', () => {
    expect(TASK_FILE_GLOB).toBe('**/{codex/*.md,*.codex.md}');
  });

  it('infers codex and codex-plan targets on projects with task files, with help', async () => {
    const results = await createNodesV2[1](['apps/api/codex/a.md', 'apps/api/codex/b.md', 'libs/pay/src/refund.codex.md', 'loose/codex/orphan.md'], {}, context());
    const byFile = Object.fromEntries(results);
    const api = byFile['apps/api/codex/a.md']!.projects!['apps/api']!;
    expect(Object.keys(api.targets!)).toEqual(['codex', 'codex-plan']);
    expect(api.targets!.codex).toMatchObject({
      executor: '@codewaves/nx:codex',
      cache: false,
      inputs: ['{projectRoot}/**/codex/*.md', '{projectRoot}/**/*.codex.md'],
      metadata: { description: expect.stringContaining('agent tasks'), help: { command: 'npx codewaves run --help' } },
    });
    expect(Object.keys(byFile['libs/pay/src/refund.codex.md']!.projects!)).toEqual(['libs/pay']);
    expect(byFile['loose/codex/orphan.md']).toEqual({});
  });

  it('honours target names from the plugin options', async () => {
    const results = await createNodesV2[1](['apps/api/codex/a.md'], { targetName: 'agents', planTargetName: 'agents-plan' }, context());
    expect(Object.keys(results[0]![1].projects!['apps/api']!.targets!)).toEqual(['agents', 'agents-plan']);
  });
});
