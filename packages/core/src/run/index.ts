export * from './plan-sprint';
export * from './run-options';
export * from './run-summary';
export * from './run-sprint';
export * from './prepare-run';
export * from './affected';
export * from './reply-to-thread';
export * from './scope-drift';
