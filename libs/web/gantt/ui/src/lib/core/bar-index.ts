import type { GanttBar } from '../gantt.types';
import { IntervalIndex } from './interval-index';

/** Bars by id and, per row, sorted by start for time-window queries. */
export class BarIndex {
  readonly byId = new Map<string, GanttBar>();
  private readonly byRow = new Map<string, IntervalIndex<GanttBar>>();

  constructor(bars: readonly GanttBar[]) {
    const grouped = new Map<string, GanttBar[]>();
    for (const bar of bars) {
      this.byId.set(bar.id, bar);
      const list = grouped.get(bar.rowId);
      if (list) list.push(bar);
      else grouped.set(bar.rowId, [bar]);
    }
    for (const [rowId, list] of grouped) this.byRow.set(rowId, new IntervalIndex(list));
  }

  /** Bars of a row intersecting `[t0, t1]`, appended to `out`. */
  inRow(rowId: string, t0: number, t1: number, out: GanttBar[] = []): GanttBar[] {
    return this.byRow.get(rowId)?.query(t0, t1, out) ?? out;
  }

  /** All bars of a row in start order. */
  rowBars(rowId: string): readonly GanttBar[] {
    return this.byRow.get(rowId)?.all() ?? [];
  }
}
