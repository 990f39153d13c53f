export * from './render-summary';
export * from './console-reporter';
export * from './render-plan-markdown';
export * from './render-plan-mermaid';
export * from './render-plan-matrix';
export * from './render-threads';
export * from './jsonl-reporter';
