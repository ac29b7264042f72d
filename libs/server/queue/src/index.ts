export * from './lib/jobs';
export * from './lib/redis-connection';
export * from './lib/queue.module';
export * from './lib/job-handlers';
export * from './lib/fallback-throttler-storage';
export * from './lib/window-counters';
export * from './lib/connection-errors';
