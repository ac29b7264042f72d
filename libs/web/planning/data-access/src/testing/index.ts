export * from './schedule-fixture';
