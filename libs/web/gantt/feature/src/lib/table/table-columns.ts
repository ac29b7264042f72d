import { formatDuration, formatPredecessors, PredecessorLink } from '@worksite/plan-notation';
import { ScheduledTaskDto } from '@worksite/shared-domain';
import { readinessBadges } from '@worksite/shared-make-ready';
import { localDateOf, localTimeOf } from '@worksite/shared-util-time';
import { locationPath, ReferenceMaps } from '@worksite/web-planning-data-access';

/** The task table's columns, in their fixed order (MS Project's entry table plus float). */
export const TABLE_COLUMN_IDS = [
  'code',
  'title',
  'department',
  'crew',
  'location',
  'start',
  'finish',
  'duration',
  'predecessors',
  'totalFloat',
  'status',
  'progress',
] as const;
export type TableColumnId = (typeof TABLE_COLUMN_IDS)[number];

/** How a cell is edited: typed text, a choice from a list, a date-time, or not at all. */
export type CellEditor = 'text' | 'select' | 'datetime' | 'number' | null;

export interface TableColumnSpec {
  id: TableColumnId;
  /** Default width in CSS pixels. */
  width: number;
  editor: CellEditor;
  align?: 'end';
}

export const TABLE_COLUMNS: Readonly<Record<TableColumnId, TableColumnSpec>> = {
  code: { id: 'code', width: 48, editor: null, align: 'end' },
  title: { id: 'title', width: 200, editor: 'text' },
  department: { id: 'department', width: 110, editor: 'select' },
  crew: { id: 'crew', width: 110, editor: 'select' },
  location: { id: 'location', width: 140, editor: 'select' },
  start: { id: 'start', width: 96, editor: 'datetime' },
  finish: { id: 'finish', width: 96, editor: null },
  duration: { id: 'duration', width: 70, editor: 'text', align: 'end' },
  predecessors: { id: 'predecessors', width: 100, editor: 'text' },
  totalFloat: { id: 'totalFloat', width: 70, editor: null, align: 'end' },
  status: { id: 'status', width: 84, editor: 'select' },
  progress: { id: 'progress', width: 64, editor: 'number', align: 'end' },
};

export const MIN_COLUMN_WIDTH = 36;
export const MAX_COLUMN_WIDTH = 600;
/**
 * Shown on a first visit (about 600 px: the chart keeps most of a laptop screen); the others
 * are a click away in the column menu.
 */
export const DEFAULT_VISIBLE: readonly TableColumnId[] = [
  'code',
  'title',
  'start',
  'finish',
  'duration',
  'predecessors',
];
/** On phones (≤ 800 px) the table shows only these. */
export const PHONE_COLUMNS: readonly TableColumnId[] = ['code', 'title'];

export interface ColumnState {
  visible: readonly TableColumnId[];
  widths: Partial<Record<TableColumnId, number>>;
}

export interface PlacedColumn {
  id: TableColumnId;
  left: number;
  width: number;
  spec: TableColumnSpec;
}

/** The visible columns in table order with their x offsets, and the table's width. */
export function columnLayout(
  state: ColumnState,
  only?: readonly TableColumnId[],
): { columns: PlacedColumn[]; width: number } {
  const columns: PlacedColumn[] = [];
  let left = 0;
  for (const id of TABLE_COLUMN_IDS) {
    if (!state.visible.includes(id) || (only && !only.includes(id))) continue;
    const width = state.widths[id] ?? TABLE_COLUMNS[id].width;
    columns.push({ id, left, width, spec: TABLE_COLUMNS[id] });
    left += width;
  }
  return { columns, width: left };
}

/** A column resized by `delta` pixels, within the limits. */
export function resizeColumn(state: ColumnState, id: TableColumnId, width: number): ColumnState {
  const clamped = Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
  return { ...state, widths: { ...state.widths, [id]: clamped } };
}

/** Shows or hides a column; the title stays (a table without names is no table). */
export function toggleColumn(state: ColumnState, id: TableColumnId): ColumnState {
  if (id === 'title') return state;
  const visible = state.visible.includes(id) ? state.visible.filter((c) => c !== id) : [...state.visible, id];
  return { ...state, visible: TABLE_COLUMN_IDS.filter((c) => visible.includes(c)) };
}

/** Reads a stored column state, ignoring anything unknown. */
export function restoreColumns(json: string | null): ColumnState {
  const fallback: ColumnState = { visible: DEFAULT_VISIBLE, widths: {} };
  if (!json) return fallback;
  try {
    const raw = JSON.parse(json) as Partial<ColumnState>;
    const visible = TABLE_COLUMN_IDS.filter((id) => raw.visible?.includes(id));
    const widths: Partial<Record<TableColumnId, number>> = {};
    for (const id of TABLE_COLUMN_IDS) {
      const w = raw.widths?.[id];
      if (typeof w === 'number' && Number.isFinite(w))
        widths[id] = Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w));
    }
    return {
      visible: visible.includes('title')
        ? visible
        : (['title', ...visible].filter((id, i, all) => all.indexOf(id) === i) as TableColumnId[]),
      widths,
    };
  } catch {
    return fallback;
  }
}

/** What a cell needs besides the task: names, the zone, the day length, the language. */
export interface CellContext {
  refs: ReferenceMaps;
  zone: string;
  minutesPerDay: number;
  locale: string;
  /** Each task's predecessors as links by code. */
  predecessors: ReadonlyMap<string, readonly PredecessorLink[]>;
  /** Translated status names. */
  statusLabel: (status: string) => string;
  /** Tasks with an open make-ready constraint, and what a status cell says of one whose status is "ready". */
  notReady?: ReadonlySet<string>;
  notReadyLabel?: string;
}

/** "12-01 08:00": a start or finish in the project's zone (the year is in the tooltip and export). */
export function shortDateTime(iso: string, zone: string): string {
  const t = Date.parse(iso);
  return `${localDateOf(t, zone).slice(5)} ${localTimeOf(t, zone)}`;
}

export function fullDateTime(iso: string, zone: string): string {
  const t = Date.parse(iso);
  return `${localDateOf(t, zone)} ${localTimeOf(t, zone)}`;
}

/** The text of a cell as the table shows it (and the export writes it, with full dates). */
export function cellText(task: ScheduledTaskDto, column: TableColumnId, ctx: CellContext, full = false): string {
  switch (column) {
    case 'code':
      return String(task.code);
    case 'title':
      return task.title;
    case 'department':
      return ctx.refs.departments.get(task.departmentId)?.name ?? '';
    case 'crew':
      return (task.crewId && ctx.refs.crews.get(task.crewId)?.name) || '';
    case 'location':
      return locationPath(ctx.refs, task.locationId);
    case 'start':
      return (full ? fullDateTime : shortDateTime)(task.plannedStart, ctx.zone);
    case 'finish':
      return (full ? fullDateTime : shortDateTime)(task.plannedFinish, ctx.zone);
    case 'duration':
      return formatDuration(task.durationMinutes, ctx.minutesPerDay, ctx.locale);
    case 'predecessors':
      return formatPredecessors(ctx.predecessors.get(task.id) ?? [], ctx.minutesPerDay);
    case 'totalFloat':
      return task.scheduledAs === 'excluded'
        ? ''
        : formatDuration(task.totalFloatMinutes, ctx.minutesPerDay, ctx.locale);
    case 'status': {
      // As the status badge: a task that waits on a constraint is not said to be ready.
      const shown = readinessBadges(task.status, !!ctx.notReady?.has(task.id));
      return shown.status ? ctx.statusLabel(shown.status) : (ctx.notReadyLabel ?? ctx.statusLabel(task.status));
    }
    case 'progress':
      return `${task.progress}%`;
  }
}

/** The value a column sorts by: numbers for numbers and times, text otherwise. */
export function sortValue(task: ScheduledTaskDto, column: TableColumnId, ctx: CellContext): number | string {
  switch (column) {
    case 'code':
      return task.code;
    case 'start':
      return task.plannedStart;
    case 'finish':
      return task.plannedFinish;
    case 'duration':
      return task.durationMinutes;
    case 'totalFloat':
      return task.totalFloatMinutes;
    case 'progress':
      return task.progress;
    case 'predecessors':
      return (
        (ctx.predecessors.get(task.id) ?? []).map((l) => l.code).sort((a, b) => a - b)[0] ?? Number.MAX_SAFE_INTEGER
      );
    default:
      return cellText(task, column, ctx);
  }
}
