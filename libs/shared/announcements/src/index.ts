export * from './lib/announcement-machine';
export * from './lib/lead-times';
export * from './lib/announcement-text';
export * from './lib/announcement-dto';
export * from './lib/robot-body';
