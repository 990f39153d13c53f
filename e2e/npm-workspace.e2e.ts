import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { scriptedModel, startOpenAIServer, type OpenAIServer, type ScriptedReply } from '../tools/openai-server';
import { countRequests, requestsFor } from './support/model';
import { packPackages } from './support/packages';
import { expectExit } from './support/run';
import { createWorkspace, type TempWorkspace } from './support/workspace';

/**
 * A plain npm-workspaces repository, no Nx: the `codewaves` CLI from the packed @codewaves/core
 * tarball plans from package.json workspaces and runs against the local OpenAI-compatible server.
 * Here the second wave comes from `dependsOn`, not from a shared file.
 */

const STRINGS = `export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
`;
const APP = `import { capitalize } from '@demo/util';

export function title(text: string): string {
  return capitalize(text);
}
`;

const SLUGIFY = { id: 'add-slugify', title: 'Add slugify to util', file: 'packages/util/codex/add-slugify.md' };
const USE_SLUGIFY = { id: 'use-slugify', title: 'Use slugify for page ids', file: 'packages/web/codex/use-slugify.md' };
const FOOTER = { id: 'add-footer', title: 'Add a footer module', file: 'packages/web/codex/add-footer.md' };

const SLUGIFY_SOURCE = "\nexport function slugify(text: string): string {\n  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n}\n";
const EDIT_APP = {
  path: 'packages/web/src/app.ts',
  old_string: "import { capitalize } from '@demo/util';",
  new_string: "import { capitalize, slugify } from '@demo/util';\n\nexport const pageId = (text: string) => slugify(text);",
};
const FOOTER_SOURCE = "export const footer = '(c) demo';\n";

const SCRIPTS: Record<string, ScriptedReply[]> = {
  [SLUGIFY.title]: [
    { toolCalls: [{ name: 'read_file', arguments: { path: 'packages/util/src/strings.ts' } }] },
    { toolCalls: [{ name: 'write_file', arguments: { path: 'packages/util/src/strings.ts', content: STRINGS + SLUGIFY_SOURCE } }] },
    { toolCalls: [{ name: 'finish', arguments: { summary: 'added slugify' } }] },
  ],
  [USE_SLUGIFY.title]: [
    // wave 2 starts from wave 1's merge: slugify is already there to read
    { toolCalls: [{ name: 'read_file', arguments: { path: 'packages/util/src/strings.ts' } }] },
    { toolCalls: [{ name: 'edit_file', arguments: EDIT_APP }] },
    { toolCalls: [{ name: 'finish', arguments: { summary: 'used slugify' } }] },
  ],
  [FOOTER.title]: [
    { toolCalls: [{ name: 'write_file', arguments: { path: 'packages/web/src/footer.ts', content: FOOTER_SOURCE } }] },
    { content: 'Created the footer.' },
  ],
};

const task = (frontMatter: string, body: string) => `---\n${frontMatter}\n---\n\n${body}\n`;

describe('codewaves CLI in a plain npm-workspaces repository', () => {
  let ws: TempWorkspace;
  let server: OpenAIServer;
  let packDir: string | undefined;

  beforeAll(async () => {
    const tarballs = await packPackages(['core']);
    packDir = dirname(tarballs.core);
    ws = await createWorkspace({
      prefix: 'codewaves-e2e-npm-',
      packageJson: { workspaces: ['packages/*'] },
      devDependencies: { '@codewaves/core': `file:${tarballs.core}` },
      files: {
        'packages/util/package.json': '{ "name": "@demo/util", "version": "1.0.0", "main": "src/strings.ts" }\n',
        'packages/util/src/strings.ts': STRINGS,
        'packages/web/package.json': '{ "name": "@demo/web", "version": "1.0.0", "dependencies": { "@demo/util": "1.0.0" } }\n',
        'packages/web/src/app.ts': APP,
        [SLUGIFY.file]: task(`title: ${SLUGIFY.title}\ntouches: [packages/util/src/strings.ts]`, 'Add slugify(text) to the util package.'),
        [USE_SLUGIFY.file]: task(`title: ${USE_SLUGIFY.title}\ntouches: [packages/web/src/app.ts]\ndependsOn: [${SLUGIFY.id}]`, 'Export pageId(text) built on slugify.'),
        [FOOTER.file]: task(`title: ${FOOTER.title}\ntouches: [packages/web/src/footer.ts]`, 'Create the footer module.'),
      },
    });
    server = await startOpenAIServer({ handler: scriptedModel(SCRIPTS) });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    ws?.remove();
    if (packDir) rmSync(packDir, { recursive: true, force: true });
  });

  it('plans from package.json workspaces: the dependent task waits a wave', async () => {
    const result = expectExit(await ws.npx(['codewaves', 'plan', '--json']), 0, 'codewaves plan --json');
    const plan = JSON.parse(result.stdout) as { tasks: Array<{ id: string; project?: string }>; waves: string[][] };
    expect(plan.tasks.map((t) => [t.id, t.project]).sort()).toEqual([
      [FOOTER.id, '@demo/web'],
      [SLUGIFY.id, '@demo/util'],
      [USE_SLUGIFY.id, '@demo/web'],
    ]);
    expect(plan.waves.map((wave) => [...wave].sort())).toEqual([[FOOTER.id, SLUGIFY.id], [USE_SLUGIFY.id]]);
  });

  it('codewaves run merges both waves into the integration branch and leaves the checkout alone', async () => {
    const head = (await ws.git('rev-parse', 'HEAD')).trim();
    const env = ws.env({ OPENAI_API_KEY: 'test', OPENAI_BASE_URL: server.url });

    const result = expectExit(await ws.npx(['codewaves', 'run', '--json'], { env }), 0, 'codewaves run --json');
    const summary = JSON.parse(result.stdout) as {
      integrationBranch: string;
      base: string;
      waves: string[][];
      tasks: Array<{ id: string; status: string; wave: number; files: string[] }>;
    };
    expect(summary.base).toBe(head);
    expect(summary.waves).toHaveLength(2);
    expect(summary.tasks.map((t) => [t.id, t.status, t.wave]).sort()).toEqual([
      [FOOTER.id, 'merged', 1],
      [SLUGIFY.id, 'merged', 1],
      [USE_SLUGIFY.id, 'merged', 2],
    ]);

    const branch = summary.integrationBranch;
    expect(await ws.integrationBranches()).toEqual([branch]);
    expect(await ws.git('show', `${branch}:packages/util/src/strings.ts`)).toBe(STRINGS + SLUGIFY_SOURCE);
    expect(await ws.git('show', `${branch}:packages/web/src/app.ts`)).toBe(APP.replace(EDIT_APP.old_string, EDIT_APP.new_string));
    expect(await ws.git('show', `${branch}:packages/web/src/footer.ts`)).toBe(FOOTER_SOURCE);
    expect((await ws.tryGit('grep', '-q', '<<<<<<<', branch)).code).toBe(1);

    // The dependent task read the merged result of wave 1.
    expect(requestsFor(server, USE_SLUGIFY.title)[1]!.messages.find((m) => m.role === 'tool')!.content).toContain('export function slugify');
    expect(countRequests(server, SLUGIFY.title)).toBe(3);
    expect(countRequests(server, FOOTER.title)).toBe(2);

    // The checkout: same branch, same commit, clean; .codewaves/ holds the threads but git does not see it.
    expect((await ws.git('rev-parse', '--abbrev-ref', 'HEAD')).trim()).toBe('main');
    expect((await ws.git('rev-parse', 'HEAD')).trim()).toBe(head);
    expect(await ws.git('status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(existsSync(join(ws.root, '.codewaves'))).toBe(true);
    expect(ws.read('packages/util/src/strings.ts')).toBe(STRINGS);
  });
});
