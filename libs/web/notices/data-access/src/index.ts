export * from './lib/notice-state';
export * from './lib/notices-api';
