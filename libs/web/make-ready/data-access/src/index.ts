export * from './lib/make-ready.types';
export * from './lib/make-ready-api';
export * from './lib/constraint-view';
export * from './lib/readiness.store';
export * from './lib/constraint-clearing';
