export * from './footprint';
export * from './predict-footprint';
export * from './overlap';
export * from './mentioned-paths';
