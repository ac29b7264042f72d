export * from './lib/instant';
export * from './lib/task-entry';
export * from './lib/task-times';
export * from './lib/conflict-task';
export * from './lib/shift-working-days';
export * from './lib/network-changes';
