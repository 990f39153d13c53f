import { inferredProject } from './inferred-project';

describe('inferredProject', () => {
  const rootOf = (file: string) => (file.startsWith('packages/') ? file.split('/').slice(0, 2).join('/') : file.startsWith('website/') ? 'website' : undefined);
  const none = new Map<string, string[]>();

  it('names the project where most of the names the task writes are used', () => {
    const usages = new Map([['transformResponse', ['packages/toolkit/src/a.ts', 'packages/toolkit/src/b.ts', 'packages/toolkit/src/c.ts', 'website/src/d.ts']]]);
    expect(inferredProject(new Map(), ['transformResponse'], usages, rootOf)).toBe('packages/toolkit');
  });

  it('a name used everywhere casts no vote', () => {
    const usages = new Map([
      ['transformResponse', ['packages/toolkit/src/a.ts', 'packages/toolkit/src/b.ts']],
      ['query', Array.from({ length: 60 }, (_, i) => `packages/p${i}/src/q.ts`)],
    ]);
    expect(inferredProject(new Map(), ['transformResponse', 'query'], usages, rootOf)).toBe('packages/toolkit');
  });

  it('counts the files the evidence lists, by confidence', () => {
    const listed = new Map([['packages/codegen/src/generate.ts', 0.6], ['packages/toolkit/src/x.ts', 0.25]]);
    expect(inferredProject(listed, [], none, rootOf)).toBe('packages/codegen');
  });

  it('names none when the evidence is split, thin, or outside every project', () => {
    expect(inferredProject(new Map([['packages/a/x.ts', 0.5], ['packages/b/y.ts', 0.5]]), [], none, rootOf)).toBeUndefined();
    expect(inferredProject(new Map([['packages/a/x.ts', 0.3]]), [], none, rootOf)).toBeUndefined();
    expect(inferredProject(new Map([['scripts/release.ts', 0.9]]), [], none, rootOf)).toBeUndefined();
    expect(inferredProject(new Map([['packages/a/x.ts', 0.6], ['scripts/release.ts', 0.6]]), [], none, rootOf)).toBeUndefined();
  });

  it('a manifest or barrel casts no vote: every project has one', () => {
    expect(inferredProject(new Map([['packages/a/package.json', 0.9]]), [], none, rootOf)).toBeUndefined();
  });
});
