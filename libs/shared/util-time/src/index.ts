export * from './lib/local-time';
