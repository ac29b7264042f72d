import { InjectionToken, Provider } from '@angular/core';
import { TaskStatus } from '@worksite/shared-domain';
import type { GanttShadingKind, GanttZoomLevel } from './gantt.types';

/**
 * Every user-visible string of the Gantt chart in one object, so a translation layer can
 * supply it whole. `{name}` placeholders are filled in by the component.
 */
export interface GanttLabels {
  /** BCP 47 locale for dates in the time scale and aria labels. */
  readonly locale: string;
  readonly chart: string;
  readonly tasks: string;
  readonly rowsHeader: string;
  readonly today: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly zoomLevel: string;
  readonly zoomLevels: Readonly<Record<GanttZoomLevel, string>>;
  /** `{label}`: group label. */
  readonly expandGroup: string;
  /** `{label}`: group label. */
  readonly collapseGroup: string;
  /** `{count}`: number of rows in the group. */
  readonly groupCount: string;
  /** Folds every group (shown while one is open). */
  readonly collapseAll: string;
  /** Opens every group (shown while all are folded). */
  readonly expandAll: string;
  readonly status: Readonly<Record<TaskStatus, string>>;
  readonly critical: string;
  readonly conflict: string;
  /** A bar whose clashes are all accepted or resolved. */
  readonly conflictSettled: string;
  /** A task with an open make-ready constraint. */
  readonly notReady: string;
  readonly manual: string;
  readonly milestone: string;
  /** `{progress}`: 0..100. */
  readonly progress: string;
  readonly shading: Readonly<Record<GanttShadingKind, string>>;
  readonly resizeStart: string;
  readonly resizeEnd: string;
  readonly linkFromStart: string;
  readonly linkFromEnd: string;
  /** `{week}`: ISO week number, `{year}`: ISO week year. */
  readonly week: string;
  readonly keyboardHelp: string;
}

/** Simplified Chinese labels (the default). */
export const GANTT_LABELS_ZH_CN: GanttLabels = {
  locale: 'zh-CN',
  chart: '施工甘特图',
  tasks: '任务',
  rowsHeader: '任务',
  today: '今天',
  zoomIn: '放大',
  zoomOut: '缩小',
  zoomLevel: '缩放级别',
  zoomLevels: { hour: '小时', day: '日', week: '周', month: '月' },
  expandGroup: '展开{label}',
  collapseGroup: '收起{label}',
  groupCount: '{count}项',
  collapseAll: '全部收起',
  expandAll: '全部展开',
  status: {
    [TaskStatus.Planned]: '计划中',
    [TaskStatus.Ready]: '已就绪',
    [TaskStatus.InProgress]: '进行中',
    [TaskStatus.Done]: '已完成',
    [TaskStatus.Blocked]: '受阻',
    [TaskStatus.Cancelled]: '已取消',
  },
  critical: '关键路径',
  conflict: '冲突',
  conflictSettled: '冲突已处理',
  notReady: '未就绪',
  manual: '手动固定',
  milestone: '里程碑',
  progress: '进度{progress}%',
  shading: { 'non-working': '非工作时间', holiday: '节假日', blackout: '禁止施工时段' },
  resizeStart: '调整开始时间',
  resizeEnd: '调整结束时间',
  linkFromStart: '从开始拖出依赖',
  linkFromEnd: '从结束拖出依赖',
  week: '{year}年第{week}周',
  keyboardHelp:
    '上下方向键选择任务，回车打开，Alt+左右移动，Shift+Alt+左右调整结束时间，L编辑所选任务的依赖，Esc取消拖动，+/-缩放',
};

/** English labels. */
export const GANTT_LABELS_EN: GanttLabels = {
  locale: 'en-GB',
  chart: 'Works Gantt chart',
  tasks: 'Tasks',
  rowsHeader: 'Task',
  today: 'Today',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomLevel: 'Zoom level',
  zoomLevels: { hour: 'Hours', day: 'Days', week: 'Weeks', month: 'Months' },
  expandGroup: 'Expand {label}',
  collapseGroup: 'Collapse {label}',
  groupCount: '{count} items',
  collapseAll: 'Collapse all',
  expandAll: 'Expand all',
  status: {
    [TaskStatus.Planned]: 'planned',
    [TaskStatus.Ready]: 'ready',
    [TaskStatus.InProgress]: 'in progress',
    [TaskStatus.Done]: 'done',
    [TaskStatus.Blocked]: 'blocked',
    [TaskStatus.Cancelled]: 'cancelled',
  },
  critical: 'critical path',
  conflict: 'conflict',
  conflictSettled: 'conflict accepted',
  notReady: 'not ready',
  manual: 'pinned',
  milestone: 'milestone',
  progress: '{progress}% done',
  shading: { 'non-working': 'Non-working time', holiday: 'Holiday', blackout: 'Blackout' },
  resizeStart: 'Change start',
  resizeEnd: 'Change finish',
  linkFromStart: 'Drag a dependency from the start',
  linkFromEnd: 'Drag a dependency from the finish',
  week: 'W{week} {year}',
  keyboardHelp:
    'Up/Down select a task, Enter opens it, Alt+Left/Right moves it, Shift+Alt+Left/Right changes its finish, L edits its dependencies, Esc cancels a drag, +/- zoom',
};

/** Default labels for every Gantt chart under an injector; the `labels` input overrides per chart. */
export const GANTT_LABELS = new InjectionToken<GanttLabels>('GANTT_LABELS', {
  providedIn: 'root',
  factory: () => GANTT_LABELS_ZH_CN,
});

/** Provides `GANTT_LABELS`, e.g. `provideGanttLabels(GANTT_LABELS_EN)`. */
export function provideGanttLabels(labels: GanttLabels): Provider {
  return { provide: GANTT_LABELS, useValue: labels };
}

/** Fills `{name}` placeholders. */
export function formatLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
