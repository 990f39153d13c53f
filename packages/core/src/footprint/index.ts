export * from './footprint';
export * from './predict-footprint';
export * from './load-footprint-context';
export * from './overlap';
export * from './prompt/read-prompt';
export * from './prompt/mentioned-paths';
export type { CommitRecord } from './sources/history';
export type { Declaration, DeclarationKind } from './sources/declarations';
export * from './predict-footprints';
