export * from './plan';
export * from './conflict-edges';
export * from './schedule-waves';
export * from './build-plan';
export * from './render-plan-text';
export * from './check-plan';
export * from './plan-schema';
export * from './guarded-edge';
