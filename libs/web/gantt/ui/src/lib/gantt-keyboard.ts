import type { GanttBar, GanttDragKind } from './gantt.types';
import type { GanttInteractionHost } from './gantt-interaction';
import type { BarIndex } from './core/bar-index';
import type { RowLayout } from './core/row-layout';
import { applyNudge } from './core/snap';

/** What keyboard handling needs beyond the pointer's host. */
export interface GanttKeyboardHost extends GanttInteractionHost {
  selection(): string | null;
  layout(): RowLayout;
  bars(): BarIndex;
  /** First line currently visible, where selection starts when nothing is selected. */
  firstVisibleLine(): number;
  zoomBy(dir: -1 | 1): void;
  /** Scrolls a task into view. */
  reveal(taskId: string): void;
  /** Cancels a pointer drag; true if one was active. */
  cancelDrag(): boolean;
}

/** Handles a key on the focused chart; returns true when the key was used. */
export function handleGanttKey(event: KeyboardEvent, host: GanttKeyboardHost): boolean {
  const selected = host.selection();
  switch (event.key) {
    case 'Escape':
      return host.cancelDrag();
    case '+':
    case '=':
      if (event.ctrlKey || event.metaKey) return false;
      host.zoomBy(-1);
      return true;
    case '-':
    case '_':
      if (event.ctrlKey || event.metaKey) return false;
      host.zoomBy(1);
      return true;
    case 'Enter':
      if (!selected) return false;
      host.open(selected);
      return true;
    case 'ArrowUp':
    case 'ArrowDown':
      if (event.altKey || event.ctrlKey || event.metaKey) return false;
      return selectVertical(host, event.key === 'ArrowUp' ? -1 : 1);
    case 'ArrowLeft':
    case 'ArrowRight': {
      const dir = event.key === 'ArrowLeft' ? -1 : 1;
      if (event.altKey) return nudge(host, event.shiftKey ? 'resize-end' : 'move', dir);
      if (event.ctrlKey || event.metaKey || event.shiftKey) return false;
      return selectHorizontal(host, dir);
    }
    default:
      return false;
  }
}

function select(host: GanttKeyboardHost, bar: GanttBar): true {
  host.select(bar.id);
  host.reveal(bar.id);
  return true;
}

/** Moves the selection to the nearest bar (in time) on the next line above or below that has bars. */
function selectVertical(host: GanttKeyboardHost, dir: -1 | 1): boolean {
  const layout = host.layout();
  const index = host.bars();
  const current = host.selection() ? index.byId.get(host.selection() as string) : undefined;
  const currentLine = current ? layout.lineOfRow.get(current.rowId) : undefined;
  let line = currentLine === undefined ? host.firstVisibleLine() - dir : currentLine;
  for (line += dir; line >= 0 && line < layout.lines.length; line += dir) {
    const entry = layout.lines[line];
    if (entry.kind !== 'task') continue;
    const bars = index.rowBars(entry.row.id);
    if (bars.length === 0) continue;
    if (!current) return select(host, bars[0]);
    let best = bars[0];
    for (const bar of bars) if (Math.abs(bar.start - current.start) < Math.abs(best.start - current.start)) best = bar;
    return select(host, best);
  }
  return currentLine !== undefined;
}

/** Moves the selection to the previous or next bar on the same line. */
function selectHorizontal(host: GanttKeyboardHost, dir: -1 | 1): boolean {
  const selected = host.selection();
  const bar = selected ? host.bars().byId.get(selected) : undefined;
  if (!bar) return false;
  const row = host.bars().rowBars(bar.rowId);
  const next = row[row.indexOf(bar) + dir];
  return next ? select(host, next) : false;
}

/** Alt+Arrow: one grid step as a drag that ends at once. */
function nudge(host: GanttKeyboardHost, kind: GanttDragKind, dir: -1 | 1): boolean {
  const taskId = host.selection();
  const origin = taskId ? host.displayRange(taskId) : null;
  if (!taskId || !origin || !host.editable()) return false;
  const range = applyNudge(kind, origin, dir, host.snap(), host.zone());
  host.drag({ taskId, kind, ...range });
  host.dragEnd({ taskId, kind, ...range });
  host.reveal(taskId);
  return true;
}
