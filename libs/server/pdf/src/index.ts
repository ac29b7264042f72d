export * from './lib/pdf-document';
export * from './lib/pdf-reader';
