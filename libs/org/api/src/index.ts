export * from './lib/org-api';
