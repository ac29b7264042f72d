export * from './lib/tap-queue';
export * from './lib/tap-view';
export * from './lib/weekly-plan.api';
export * from './lib/crew-outbox';
export * from './lib/crew-phone-keys';
