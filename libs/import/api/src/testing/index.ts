export * from './validate-mspdi';
