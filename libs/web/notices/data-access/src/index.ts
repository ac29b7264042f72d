export * from './lib/notice-state';
