export * from './lib/sites-api';
