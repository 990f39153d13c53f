export * from './merge-branch';
export * from './merge-order';
export * from './merge-json';
export * from './merge-typescript';
export * from './regenerate-lockfiles';
