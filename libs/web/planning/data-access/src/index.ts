export * from './lib/reference.types';
export * from './lib/reference-data';
export * from './lib/planning-api';
export * from './lib/engine-input';
export * from './lib/triage-api';
export * from './lib/conflict-triage';
export * from './lib/change-history';
