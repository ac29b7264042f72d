import type { GanttTimeRange } from '../gantt.types';

/** Linear mapping between epoch milliseconds and chart pixels (x = 0 at `origin`). */
export class TimeScale {
  readonly width: number;

  constructor(
    readonly origin: number,
    readonly end: number,
    readonly msPerPx: number,
  ) {
    this.width = Math.max(1, Math.ceil((end - origin) / msPerPx));
  }

  /** Pixel position of a time. */
  x(t: number): number {
    return (t - this.origin) / this.msPerPx;
  }

  /** Time at a pixel position. */
  time(x: number): number {
    return this.origin + x * this.msPerPx;
  }

  /** Time range covered by the pixel span `[x0, x1]`. */
  range(x0: number, x1: number): GanttTimeRange {
    return { start: this.time(x0), finish: this.time(x1) };
  }
}

/** The span of all bars, padded, or `fallback` (e.g. today ± padding) when there are none. */
export function dataRange(
  bars: readonly { readonly start: number; readonly finish: number }[],
  padding: number,
  fallbackCenter: number,
): GanttTimeRange {
  let min = Infinity;
  let max = -Infinity;
  for (const bar of bars) {
    if (bar.start < min) min = bar.start;
    if (bar.finish > max) max = bar.finish;
  }
  if (min > max) return { start: fallbackCenter - padding, finish: fallbackCenter + padding };
  return { start: min - padding, finish: max + padding };
}
