export * from './lib/notation';
export * from './lib/local-date-time';
export * from './lib/import-fields';
export * from './lib/import-rows';
export * from './lib/cycles';
export * from './lib/validate-import';
export * from './lib/import-contracts';
