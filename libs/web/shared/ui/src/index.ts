export * from './lib/zoned-time.pipe';
export * from './lib/working-minutes.pipe';
export * from './lib/status-badge.component';
