export * from './thread';
export * from './thread-store';
