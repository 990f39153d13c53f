export * from './thread';
export * from './thread-store';
export * from './read-run';
