export * from './lib/reference.types';
export * from './lib/reference-data';
export * from './lib/planning-api';
export * from './lib/engine-input';
