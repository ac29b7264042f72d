export * from './lib/api-client';
export * from './lib/language';
export * from './lib/provide-web-core';
export * from './lib/change-set';
export * from './lib/file-download';
