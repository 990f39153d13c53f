export * from './plan-sprint';
export * from './run-options';
export * from './run-summary';
export * from './run-sprint';
export * from './prepare-run';
export * from './affected';
export * from './reply-to-thread';
export * from './scope-drift';
export * from './resume-run';
export * from './agent-limits';
// One wave on its own, for tools that choose the waves themselves (the end-to-end bench's baselines).
export { runWave, type WaveContext } from './run-wave';
