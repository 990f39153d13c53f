export * from './merge-branch';
export * from './merge-order';
export * from './merge-json';
