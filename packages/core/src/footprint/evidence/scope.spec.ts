import { projectsForScopes } from './scope';

describe('projectsForScopes', () => {
  const projects = [
    { name: '@trpc/upgrade', root: 'packages/upgrade' },
    { name: '@trpc/server', root: 'packages/server' },
    { name: 'www', root: 'www' },
  ];
  const files = ['packages/upgrade/src/lib/git.ts', 'packages/server/src/index.ts', 'packages/server/src/adapters/ws.ts', 'www/docs/intro.md'];

  it('a scope names a project by its name, the last part of a scoped name, or its folder', () => {
    expect(projectsForScopes(['@trpc/upgrade'], projects, files)).toEqual(['packages/upgrade']);
    expect(projectsForScopes(['server'], projects, files)).toEqual(['packages/server']);
    expect(projectsForScopes(['www'], projects, files)).toEqual(['www']);
  });

  it('a nested scope names the sub-folder, and a scope that names no project names a folder', () => {
    expect(projectsForScopes(['server/src'], projects, files)).toEqual(['packages/server/src']);
    expect(projectsForScopes(['server/missing'], projects, files)).toEqual(['packages/server']);
    expect(projectsForScopes(['adapters'], projects, files)).toEqual(['packages/server/src/adapters']);
  });
});
