export * from './lib/scheduling-engine';
