export * from './workspace';
export * from './detect-workspace';
