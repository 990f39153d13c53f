import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitRepo, GIT_TEST_ENV, type GitFixture } from '../../../../../tools/testing/git-fixture';
import { runCli } from '../../../../../tools/testing/run-cli';

// What a real workspace throws at the predictor: sources that do not parse, a generated file of
// megabytes, binaries, manifests broken mid-edit, files outside every project, a shallow CI
// checkout, a repository with no commits. Each costs evidence and says so; none stops the plan.
describe('bad input degrades the plan with a reason, never stops it', () => {
  let repo: GitFixture;

  beforeAll(() => {
    repo = gitRepo({
      'package.json': JSON.stringify({ name: 'ws', private: true, workspaces: ['packages/*'] }),
      'pnpm-workspace.yaml': 'packages:\n  - "packages/*\n  bad: [\n',
      'packages/api/package.json': '{"name": "api",\n  "version": 1,,\n}\n',
      'packages/api/src/users.ts': 'export function createUser( {\n  return 1 +;\n}\n',
      'packages/api/src/bundle.ts': `export function renderBundle() {}\n// ${'x'.repeat(2_100_000)}\n`,
      'packages/api/src/logo.bin': 'createUser\0renderBundle\0\x01\x02',
      'packages/web/project.json': '{ "name": \n',
      'packages/web/src/page.ts': 'export function renderPage() {}\n',
      'scripts/release.ts': 'export const releaseChannel = "next";\n',
      'codex/users.md': '---\ntitle: Validate users\n---\nMake `createUser` validate its input and `renderBundle` report it.\n',
      'codex/page.md': '---\ntitle: Page title\n---\nGive `renderPage` a title.\n',
      'codex/release.md': '---\ntitle: Release channel\n---\nSet `releaseChannel` in scripts/release.ts to "latest".\n',
    });
    for (let i = 0; i < 3; i++) {
      repo.write({ 'packages/web/src/page.ts': `export function renderPage() {}\n// ${i}\n` });
      repo.commit(`fix(web): page ${i}`);
    }
  });
  afterAll(() => repo.remove());

  it('plans every task, and says once what each broken file cost and which tasks it concerns', async () => {
    const result = await runCli(repo.root, ['plan']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text).toMatch(/Plan: 3 tasks in 1 wave/);
    // A syntax error and a huge file concern the task that names what they declare, and only it.
    expect(text).toContain("packages/api/src/users.ts:2: syntax error (':' expected.): its declarations read as far as the parser recovers (users)");
    expect(text).toContain('packages/api/src/bundle.ts: 2.1 MB, over the 2 MB parse limit: the names it declares were not read (users)');
    // Broken manifests are the workspace's: said once for the plan, with the line to fix.
    expect(text).toContain('pnpm-workspace.yaml:4: does not parse (Missing closing "quote): its packages were not read\n');
    // (The parser's own words are V8's, and vary with Node's version.)
    expect(text).toMatch(/packages\/api\/package\.json:2: does not parse \(.+\): the package is named packages\/api, after its folder/);
    expect(text).toMatch(/packages\/web\/project\.json:1: does not parse \(.+\): the project is named web, after its folder/);
    // The recovered parse still finds the declaration; the binary that spells the name is never a write.
    expect(text).toContain('writes: packages/api/src/users.ts');
    expect(text).not.toContain('logo.bin');
    // A file outside every project is planned like any other.
    expect(text).toMatch(/release {2}Release channel\n {6}writes: scripts\/release\.ts/);
  });

  it('the JSON plan keeps each note on the footprints it concerns', async () => {
    const plan = JSON.parse((await runCli(repo.root, ['plan', '--json'])).stdout);
    const notes = (id: string) => plan.tasks.find((task: { id: string }) => task.id === id).footprint.notes as string[];
    expect(notes('users').some((note) => note.includes('syntax error'))).toBe(true);
    expect(notes('page').some((note) => note.includes('syntax error'))).toBe(false);
    expect(notes('page')).toEqual(expect.arrayContaining([expect.stringContaining('packages/web/project.json:1: does not parse')]));
  });

  it('a shallow clone, as CI checks out by default, predicts from what it has and says how to get the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codewaves-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, dir], { env: { ...process.env, ...GIT_TEST_ENV } });
      const result = await runCli(dir, ['footprint', 'codex/page.md', '--format', 'json']);
      expect(result.code).toBe(0);
      const footprint = JSON.parse(result.stdout);
      expect(footprint.writes.map((entry: { path: string }) => entry.path)).toContain('packages/web/src/page.ts');
      expect(footprint.notes).toContain('shallow clone: 1 commit of history to learn from; `git fetch --unshallow` (or fetch-depth: 0 in CI) for the full prediction');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a repository with no commits yet gets a footprint from its files and a note, not a git error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codewaves-empty-'));
    try {
      execFileSync('git', ['init', '-q', dir], { env: { ...process.env, ...GIT_TEST_ENV } });
      const task = join(repo.root, 'codex/release.md');
      const result = await runCli(dir, ['footprint', task, '--format', 'json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).notes).toContain('no commits yet: no history to learn from (similar past commits, files changed together)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
