import { GanttLegendKey } from '@worksite/shared-domain';

/** The printed words of the reports, in the user's language. */
export interface ReportLabels {
  gantt: string;
  dayPlan: string;
  range: string;
  tasks: string;
  printedAt: string;
  task: string;
  start: string;
  finish: string;
  noTasks: string;
  legend: Record<GanttLegendKey, string>;
  /** The legend's baseline entry when a baseline is printed. */
  baselineNamed: (name: string) => string;
  pageOf: (page: number, pages: number) => string;
  crew: string;
  noCrew: string;
  continued: string;
  date: string;
  time: string;
  place: string;
  materials: string;
  tools: string;
  safety: string;
  content: string;
  coordinator: string;
  signature: string;
  signedAt: string;
  weekdays: readonly string[];
}

const ZH: ReportLabels = {
  gantt: '进度计划',
  dayPlan: '日计划',
  range: '范围',
  tasks: '任务数',
  printedAt: '打印于',
  task: '任务',
  start: '开始',
  finish: '完成',
  noTasks: '该范围内没有任务',
  legend: {
    bar: '任务（部门颜色）',
    critical: '关键路径',
    conflict: '冲突',
    manual: '手动排程',
    done: '已完成',
    inProgress: '进行中（进度）',
    baseline: '基线',
    today: '今天',
    nonWorking: '非工作日',
    holiday: '节假日',
    blackout: '禁止施工时段',
    link: '依赖关系',
  },
  baselineNamed: (name) => `基线：${name}`,
  pageOf: (page, pages) => `第 ${page} / ${pages} 页`,
  crew: '班组',
  noCrew: '未指派班组',
  continued: '（续）',
  date: '日期',
  time: '时间',
  place: '地点',
  materials: '材料',
  tools: '工具',
  safety: '安全注意事项',
  content: '作业内容',
  coordinator: '协调员',
  signature: '班组长签字：',
  signedAt: '日期：',
  weekdays: ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
};

const EN: ReportLabels = {
  gantt: 'Schedule',
  dayPlan: 'Day plan',
  range: 'Range',
  tasks: 'Tasks',
  printedAt: 'Printed',
  task: 'Task',
  start: 'Start',
  finish: 'Finish',
  noTasks: 'No tasks in this range',
  legend: {
    bar: 'Task (department colour)',
    critical: 'Critical path',
    conflict: 'Conflict',
    manual: 'Manually scheduled',
    done: 'Done',
    inProgress: 'In progress (progress)',
    baseline: 'Baseline',
    today: 'Today',
    nonWorking: 'Non-working day',
    holiday: 'Holiday',
    blackout: 'Blackout',
    link: 'Dependency',
  },
  baselineNamed: (name) => `Baseline: ${name}`,
  pageOf: (page, pages) => `Page ${page} / ${pages}`,
  crew: 'Crew',
  noCrew: 'No crew assigned',
  continued: ' (continued)',
  date: 'Date',
  time: 'Time',
  place: 'Place',
  materials: 'Materials',
  tools: 'Tools',
  safety: 'Safety notes',
  content: 'Work',
  coordinator: 'Coordinator',
  signature: 'Crew lead signature:',
  signedAt: 'Date:',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** Chinese unless the request asks for English (`lang=en` or an Accept-Language starting with en). */
export function reportLabels(language: string | undefined): ReportLabels {
  return language?.toLowerCase().startsWith('en') ? EN : ZH;
}
