export * from './exec-git';
export * from './repository';
export * from './worktree-lock';
