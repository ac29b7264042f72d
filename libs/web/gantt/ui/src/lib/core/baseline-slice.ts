import type { GanttBaselineBar } from '../gantt.types';
import { IntervalIndex } from './interval-index';
import type { RenderWindow } from './render-window';
import type { RowLayout } from './row-layout';
import type { TimeScale } from './time-scale';
import { barInset, MIN_BAR_WIDTH } from './visible-slice';

/** A rendered baseline bar, in chart pixels: a thin line under the bar of its row. */
export interface BaselineView {
  readonly id: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly label: string | null;
  readonly title: string | null;
  readonly late: boolean;
}

/** Baseline bars per row (the row of the task's current bar), sorted by start for window queries. */
export class BaselineIndex {
  private readonly byRow = new Map<string, IntervalIndex<GanttBaselineBar>>();

  constructor(baselines: readonly GanttBaselineBar[], rowOf: (taskId: string) => string | undefined) {
    const grouped = new Map<string, GanttBaselineBar[]>();
    for (const baseline of baselines) {
      const row = rowOf(baseline.id);
      if (row === undefined) continue;
      const list = grouped.get(row);
      if (list) list.push(baseline);
      else grouped.set(row, [baseline]);
    }
    for (const [row, list] of grouped) this.byRow.set(row, new IntervalIndex(list));
  }

  get size(): number {
    let n = 0;
    for (const index of this.byRow.values()) n += index.size;
    return n;
  }

  inRow(rowId: string, t0: number, t1: number, out: GanttBaselineBar[] = []): GanttBaselineBar[] {
    return this.byRow.get(rowId)?.query(t0, t1, out) ?? out;
  }
}

/** Labels after a baseline's end reach this far (px): kept in the window a little longer. */
const LABEL_PX = 40;

/**
 * The baseline bars of the window's task lines that meet its time span, like the bars
 * themselves: cost follows the screen, not the number of tasks. Each sits in the gap below
 * its row's bar.
 */
export function visibleBaselines(
  index: BaselineIndex,
  layout: RowLayout,
  scale: TimeScale,
  window: RenderWindow,
  rowHeight: number,
): BaselineView[] {
  if (index.size === 0) return [];
  const t0 = scale.time(window.x0 - LABEL_PX);
  const t1 = scale.time(window.x1);
  const inset = barInset(rowHeight);
  const height = Math.max(2, inset - 2);
  const out: BaselineView[] = [];
  const found: GanttBaselineBar[] = [];
  for (let line = window.firstLine; line <= window.lastLine; line++) {
    const entry = layout.lines[line];
    if (entry?.kind !== 'task') continue;
    found.length = 0;
    for (const baseline of index.inRow(entry.row.id, t0, t1, found)) {
      const left = scale.x(baseline.start);
      out.push({
        id: baseline.id,
        left,
        top: line * rowHeight + rowHeight - inset + 1,
        width: Math.max(scale.x(baseline.finish) - left, MIN_BAR_WIDTH),
        height,
        label: baseline.label ?? null,
        title: baseline.title ?? null,
        late: !!baseline.late,
      });
    }
  }
  return out;
}
