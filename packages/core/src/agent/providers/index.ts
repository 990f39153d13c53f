export * from './provider-config';
export * from './openai-provider';
export * from './replay-provider';
export * from './retry-policy';
