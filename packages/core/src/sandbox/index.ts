export * from './resolve-inside';
export * from './worktrees';
