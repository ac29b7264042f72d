export * from './lib/notices-api.module';
export * from './lib/notice-mappers';
export * from './lib/ack-page';
export { QUEUE_DASHBOARD_PATH, QueueDashboard } from './lib/queue-dashboard';
