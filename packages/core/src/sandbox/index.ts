export * from './resolve-inside';
export * from './worktrees';
export * from './clean-up';
