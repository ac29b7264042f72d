export * from './lib/test-database';
export * from './lib/redis-keys';
export * from './lib/redis-server';
export * from './lib/redis-cluster';
export * from './lib/postgres-server';
export * from './lib/settles-within';
