export * from './lib/enums';
