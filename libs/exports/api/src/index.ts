export * from './lib/exports.module';
export * from './lib/feeds/feed-calendar';
