export * from './gantt-demo-data';
