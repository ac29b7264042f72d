import type { DependencyType, TaskStatus } from '@worksite/shared-domain';
import type { RowLayout } from './core/row-layout';

/** Epoch milliseconds (UTC). Every time in the Gantt API is one of these. */
export type EpochMs = number;

/** A half-open time interval `[start, finish)` in epoch milliseconds. */
export interface GanttTimeRange {
  readonly start: EpochMs;
  readonly finish: EpochMs;
}

/** One task row in the left pane and the chart; bars point at it through `rowId`. */
export interface GanttRow {
  readonly id: string;
  /** Title shown in the left pane (usually the task title). */
  readonly label: string;
  /** Optional secondary text (e.g. location or crew), shown dimmed after the label. */
  readonly detail?: string;
}

/** A collapsible group of rows (a department, crew or location: the caller decides). */
export interface GanttGroup {
  readonly id: string;
  readonly label: string;
  /** CSS colour of the group marker; defaults to a neutral grey. */
  readonly color?: string;
  /** Initial collapsed state; afterwards the component keeps the state per group id. */
  readonly collapsed?: boolean;
  readonly rows: readonly GanttRow[];
}

/** A task bar. Zero duration (`start === finish`) draws a milestone diamond. */
export interface GanttBar {
  /** Task id; also the `data-task-id` of the rendered element. */
  readonly id: string;
  /** Id of the `GanttRow` the bar is drawn on. */
  readonly rowId: string;
  readonly start: EpochMs;
  readonly finish: EpochMs;
  readonly label: string;
  /** Department colour (any CSS colour). */
  readonly color?: string;
  readonly status: TaskStatus;
  /** Percent complete, 0..100. */
  readonly progress?: number;
  /** On the critical path (highlighted when `showCriticalPath` is on). */
  readonly critical?: boolean;
  /** Manually scheduled / pinned: the engine reports but does not move it. */
  readonly manual?: boolean;
  /** The task takes part in at least one clash. */
  readonly hasConflict?: boolean;
  /** Short conflict description for the tooltip and aria label. */
  readonly conflictNote?: string;
  /** Its clashes are all accepted or resolved: marked, greyed, instead of `hasConflict`. */
  readonly conflictSettled?: boolean;
}

/** A task's bar in a saved baseline, drawn thin under its current bar, in the same row. */
export interface GanttBaselineBar {
  /** Task id: drawn in the row of the task's current bar (not drawn without one). */
  readonly id: string;
  readonly start: EpochMs;
  readonly finish: EpochMs;
  /** Short text after its end, e.g. the slip "+1". */
  readonly label?: string;
  /** Tooltip (and accessible name). */
  readonly title?: string;
  /** The current bar finishes later than this one. */
  readonly late?: boolean;
}

/** A dependency arrow from predecessor to successor. */
export interface GanttLink {
  /** The dependency's id, passed back by `linkOpen` (links without one cannot be opened). */
  readonly id?: string;
  readonly predecessorId: string;
  readonly successorId: string;
  readonly type: DependencyType;
  readonly critical?: boolean;
}

/** What a background shading interval stands for; each kind is drawn differently. */
export type GanttShadingKind = 'non-working' | 'holiday' | 'blackout';

/** A background interval: non-working time, a holiday or a blackout window. */
export interface GanttShading extends GanttTimeRange {
  readonly kind: GanttShadingKind;
  /** Shown as tooltip (e.g. 国庆节, 中考). */
  readonly label?: string;
}

/** Zoom levels, finest first. */
export const GANTT_ZOOM_LEVELS = ['hour', 'day', 'week', 'month'] as const;

/** Time-scale zoom: `hour` shows a day's plan hour by hour, `month` a year at a glance. */
export type GanttZoomLevel = (typeof GANTT_ZOOM_LEVELS)[number];

/** Preview positions computed by the caller while dragging: task id → interval. */
export type GanttPreview = ReadonlyMap<string, GanttTimeRange>;

/** What a pointer or keyboard drag changes. */
export type GanttDragKind = 'move' | 'resize-start' | 'resize-end';

/** Emitted by `barDrag`, `barDragEnd` and `barDragCancel`; times are snapped to the zoom grid. */
export interface GanttBarDragEvent {
  readonly taskId: string;
  readonly kind: GanttDragKind;
  readonly start: EpochMs;
  readonly finish: EpochMs;
}

/** A dependency the user drew from one bar's handle onto another bar. */
export interface GanttLinkCreateEvent {
  readonly predecessorId: string;
  readonly successorId: string;
  readonly type: DependencyType;
}

/** A dependency arrow was clicked (or chosen with the L key on a selected bar). */
export interface GanttLinkOpenEvent {
  readonly link: GanttLink;
  /** Where to show an editor for it, in client (viewport) pixels. */
  readonly clientX: number;
  readonly clientY: number;
}

/** A group header was expanded or collapsed. */
export interface GanttGroupToggleEvent {
  readonly groupId: string;
  readonly collapsed: boolean;
}

/** What a custom left pane (`paneTemplate`) gets: the rows' layout and the lines to render. */
export interface GanttPaneContext {
  readonly layout: RowLayout;
  /** First and last (inclusive) line of the render window. */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly rowHeight: number;
  /** Collapses or expands a group, as the chart's own pane does. */
  readonly toggleGroup: (groupId: string) => void;
}
