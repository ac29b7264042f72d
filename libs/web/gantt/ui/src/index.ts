export * from './lib/gantt.types';
export * from './lib/gantt-labels';
export { GanttChartComponent } from './lib/gantt-chart.component';
