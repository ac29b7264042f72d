export * from './lib/import.module';
export * from './lib/import.service';
export * from './lib/xlsx/xlsx-import.service';
export * from './lib/mspdi/mspdi.service';
