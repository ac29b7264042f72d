export * from './lib/shared-util-time';
