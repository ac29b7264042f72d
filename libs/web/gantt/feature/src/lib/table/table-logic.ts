import { PredecessorLink } from '@worksite/plan-notation';
import { DependencyDto, ScheduledTaskDto } from '@worksite/shared-domain';
import { GanttGroup } from '@worksite/web-gantt-ui';
import { CellContext, sortValue, TableColumnId } from './table-columns';

export interface TableSort {
  column: TableColumnId;
  direction: 'asc' | 'desc';
}

/** Click on a header: ascending, then descending, then the chart's own order (by start). */
export function nextSort(current: TableSort | null, column: TableColumnId): TableSort | null {
  if (current?.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

/**
 * The rows of each group in the order of the sort (groups keep their order, so the chart's
 * group rows stay where they are); equal values keep their previous order.
 */
export function sortGroups(
  groups: readonly GanttGroup[],
  sort: TableSort | null,
  taskById: ReadonlyMap<string, ScheduledTaskDto>,
  ctx: CellContext,
): readonly GanttGroup[] {
  if (!sort) return groups;
  const factor = sort.direction === 'asc' ? 1 : -1;
  return groups.map((group) => {
    const keyed = group.rows.map((row, index) => {
      const task = taskById.get(row.id);
      return { row, index, value: task ? sortValue(task, sort.column, ctx) : '' };
    });
    keyed.sort((a, b) => {
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : String(a.value).localeCompare(String(b.value), 'zh-CN', { numeric: true });
      return order * factor || a.index - b.index;
    });
    return { ...group, rows: keyed.map((k) => k.row) };
  });
}

/** Each task's predecessors by code, from the dependencies of the schedule. */
export function predecessorsByTask(
  dependencies: readonly DependencyDto[],
  taskById: ReadonlyMap<string, ScheduledTaskDto>,
): Map<string, PredecessorLink[]> {
  const out = new Map<string, PredecessorLink[]>();
  for (const link of dependencies) {
    const predecessor = taskById.get(link.predecessorId);
    if (!predecessor) continue;
    const list = out.get(link.successorId) ?? [];
    list.push({ code: predecessor.code, type: link.type, lagMinutes: link.lagMinutes });
    out.set(link.successorId, list);
  }
  return out;
}

/** What makes a task's stored links match a typed predecessors list. */
export interface PredecessorChanges {
  create: { predecessorId: string; type: PredecessorLink['type']; lagMinutes: number }[];
  update: { id: string; version: number; type: PredecessorLink['type']; lagMinutes: number }[];
  remove: { id: string }[];
  /** Codes typed that name no task the user sees, or the task itself. */
  unknownCodes: number[];
  selfCode: boolean;
}

export function predecessorChanges(
  task: ScheduledTaskDto,
  typed: readonly PredecessorLink[],
  dependencies: readonly DependencyDto[],
  taskByCode: ReadonlyMap<number, ScheduledTaskDto>,
): PredecessorChanges {
  const changes: PredecessorChanges = { create: [], update: [], remove: [], unknownCodes: [], selfCode: false };
  const current = new Map(dependencies.filter((d) => d.successorId === task.id).map((d) => [d.predecessorId, d]));
  const wanted = new Set<string>();
  for (const link of typed) {
    const predecessor = taskByCode.get(link.code);
    if (!predecessor) {
      changes.unknownCodes.push(link.code);
      continue;
    }
    if (predecessor.id === task.id) {
      changes.selfCode = true;
      continue;
    }
    wanted.add(predecessor.id);
    const existing = current.get(predecessor.id);
    if (!existing) changes.create.push({ predecessorId: predecessor.id, type: link.type, lagMinutes: link.lagMinutes });
    else if (existing.type !== link.type || existing.lagMinutes !== link.lagMinutes) {
      changes.update.push({ id: existing.id, version: existing.version, type: link.type, lagMinutes: link.lagMinutes });
    }
  }
  for (const [predecessorId, link] of current) if (!wanted.has(predecessorId)) changes.remove.push({ id: link.id });
  return changes;
}

/** The active cell: a task row (by line of the layout) and a column. */
export interface ActiveCell {
  line: number;
  column: number;
}

/** What the table's lines are, for keyboard moves: a task or a group header. */
export type LineKind = 'task' | 'group';

/**
 * The cell a key moves to (null: the key is not a move). Up/down skip group header lines;
 * Tab/Shift+Tab go along the row and wrap to the next/previous task row; Home/End to the row's
 * first/last column; PageUp/PageDown by `page` lines.
 */
export function moveActive(
  active: ActiveCell,
  key: string,
  shift: boolean,
  lines: readonly LineKind[],
  columnCount: number,
  page = 10,
): ActiveCell | null {
  const taskLine = (from: number, step: 1 | -1): number | null => {
    for (let line = from; line >= 0 && line < lines.length; line += step) if (lines[line] === 'task') return line;
    return null;
  };
  const lastColumn = columnCount - 1;
  switch (key) {
    case 'ArrowDown':
      return { ...active, line: taskLine(active.line + 1, 1) ?? active.line };
    case 'ArrowUp':
      return { ...active, line: taskLine(active.line - 1, -1) ?? active.line };
    case 'PageDown':
      return { ...active, line: taskLine(Math.min(lines.length - 1, active.line + page), -1) ?? active.line };
    case 'PageUp':
      return { ...active, line: taskLine(Math.max(0, active.line - page), 1) ?? active.line };
    case 'ArrowRight':
      return { ...active, column: Math.min(lastColumn, active.column + 1) };
    case 'ArrowLeft':
      return { ...active, column: Math.max(0, active.column - 1) };
    case 'Home':
      return { ...active, column: 0 };
    case 'End':
      return { ...active, column: lastColumn };
    case 'Tab': {
      if (!shift && active.column < lastColumn) return { ...active, column: active.column + 1 };
      if (shift && active.column > 0) return { ...active, column: active.column - 1 };
      const line = taskLine(active.line + (shift ? -1 : 1), shift ? -1 : 1);
      return line === null ? null : { line, column: shift ? lastColumn : 0 };
    }
    default:
      return null;
  }
}

/**
 * The selection after a click on a task: alone, toggled (Ctrl/Cmd), or the range from the
 * anchor (Shift) in the table's order.
 */
export function clickSelection(
  current: ReadonlySet<string>,
  anchor: string | null,
  id: string,
  mode: 'single' | 'toggle' | 'range',
  order: readonly string[],
): Set<string> {
  if (mode === 'toggle') {
    const next = new Set(current);
    if (!next.delete(id)) next.add(id);
    return next;
  }
  if (mode === 'range' && anchor) {
    const a = order.indexOf(anchor);
    const b = order.indexOf(id);
    if (a >= 0 && b >= 0) return new Set(order.slice(Math.min(a, b), Math.max(a, b) + 1));
  }
  return new Set([id]);
}
