export * from './lib/gantt.routes';
export { GanttPage } from './lib/gantt-page.component';
