export * from './lib/seed-demo';
