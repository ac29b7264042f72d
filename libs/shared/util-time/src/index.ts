export * from './lib/local-time';
export * from './lib/zone-clock';
