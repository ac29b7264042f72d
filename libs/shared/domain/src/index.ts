export * from './lib/enums';
export * from './lib/contracts';
export * from './lib/notices';
export * from './lib/planning-rules';
export * from './lib/conflict-kinds';
export * from './lib/conflict-decisions';
export * from './lib/baselines';
export * from './lib/change-sets';
