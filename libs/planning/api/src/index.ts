export * from './lib/planning-api';
