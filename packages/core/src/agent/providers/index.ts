export * from './provider-config';
export * from './openai-provider';
export * from './replay-provider';
export * from './retry-policy';
export * from './command-line';
export * from './command-provider';
export * from './codex-events';
export * from './record-provider';
