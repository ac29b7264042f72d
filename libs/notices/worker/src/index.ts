export * from './lib/notices-worker.module';
export * from './lib/notices.processor';
export * from './lib/notice-schedulers.service';
export * from './lib/notice-watchdog.service';
