export * from './apply-threads';
