export * from './exec-git';
export * from './repository';
