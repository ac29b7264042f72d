export * from './lib/scheduling.module';
export * from './lib/mapping/engine-input';
export * from './lib/mapping/schedule-output';
export * from './lib/schedule/schedule.service';
export * from './lib/schedule/recompute.service';
export * from './lib/conflicts/conflicts.service';
export * from './lib/baselines/baselines.service';
export * from './lib/schedule/shared-bodies';
