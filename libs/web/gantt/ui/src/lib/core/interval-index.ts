import type { GanttTimeRange } from '../gantt.types';

/**
 * Intervals sorted by start, queried by binary search. Any interval that intersects
 * `[t0, t1]` starts at or after `t0 - longest`, so a query scans only that window.
 */
export class IntervalIndex<T extends GanttTimeRange> {
  private readonly items: readonly T[];
  private readonly longest: number;

  constructor(items: readonly T[]) {
    const sorted = [...items].sort((a, b) => a.start - b.start);
    let longest = 0;
    for (const item of sorted) longest = Math.max(longest, item.finish - item.start);
    this.items = sorted;
    this.longest = longest;
  }

  get size(): number {
    return this.items.length;
  }

  /** Items intersecting `[t0, t1]` (inclusive ends, so milestones on the edge count), appended to `out`. */
  query(t0: number, t1: number, out: T[] = []): T[] {
    const items = this.items;
    let i = lowerBound(items, t0 - this.longest);
    for (; i < items.length && items[i].start <= t1; i++) {
      if (items[i].finish >= t0) out.push(items[i]);
    }
    return out;
  }

  /** All items in start order. */
  all(): readonly T[] {
    return this.items;
  }
}

/** First index whose start is `>= t`. */
function lowerBound(items: readonly GanttTimeRange[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
