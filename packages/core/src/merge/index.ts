export * from './merge-branch';
export * from './merge-order';
