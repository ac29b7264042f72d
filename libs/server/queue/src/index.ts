export * from './lib/jobs';
export * from './lib/redis-connection';
export * from './lib/queue.module';
export * from './lib/job-handlers';
