export * from './lib/zoned-time.pipe';
export * from './lib/working-minutes.pipe';
export * from './lib/status-badge.component';
export * from './lib/notice-state-badge.component';
export * from './lib/conflict-list.component';
export * from './lib/zoned-range.pipe';
