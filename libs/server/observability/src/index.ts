export * from './lib/instance';
export * from './lib/logging';
export * from './lib/metrics';
export * from './lib/metrics-publisher';
export * from './lib/observability.module';
export * from './lib/request-context';
