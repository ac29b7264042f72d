export * from './lib/incident-world';
