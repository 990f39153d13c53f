export * from './render-summary';
export * from './console-reporter';
