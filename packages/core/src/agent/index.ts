export * from './model';
export * from './transcript';
export * from './agent-event';
export * from './instructions';
export * from './run-agent';
export * from './tools';
export * from './providers';
export * from './conversation';
