export * from './agent-job';
export * from './agent-pool';
