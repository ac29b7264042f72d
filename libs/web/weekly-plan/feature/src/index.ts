export * from './lib/weekly-plan.routes';
