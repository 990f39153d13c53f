export * from './price-table';
export * from './cost';
export * from './load-prices';
