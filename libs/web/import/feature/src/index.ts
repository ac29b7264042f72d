export * from './lib/import-button.component';
