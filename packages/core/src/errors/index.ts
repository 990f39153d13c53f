export * from './codewaves-error';
