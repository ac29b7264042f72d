export * from './lib/gantt.types';
export * from './lib/gantt-labels';
export { GanttChartComponent } from './lib/gantt-chart.component';
export type { GroupLine, LayoutLine, RowLayout, TaskLine } from './lib/core/row-layout';
