export * from './lib/import.module';
export * from './lib/import.service';
