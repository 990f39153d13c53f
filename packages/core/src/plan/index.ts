export * from './plan';
export * from './conflict-edges';
export * from './assign-waves';
export * from './build-plan';
export * from './render-plan-text';
