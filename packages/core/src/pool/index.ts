export * from './agent-job';
export * from './agent-pool';
export * from './model-call-gate';
