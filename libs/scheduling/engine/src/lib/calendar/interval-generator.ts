import { NormalizedCalendar } from './calendar-spec';
import { isoWeekday } from './civil-date';
import { ZoneClock } from './zone-clock';

/** Working intervals as flat, sorted, disjoint, non-touching [start, end, …] instants. */
export type FlatIntervals = number[];

/** Windows (minute pairs) that apply on one local day, honouring holidays and make-up days. */
export function windowsOfDay(calendar: NormalizedCalendar, epochDay: number): Int32Array {
  if (calendar.holidays.has(epochDay)) return EMPTY;
  return calendar.makeUpWorkdays.get(epochDay) ?? calendar.weekly[isoWeekday(epochDay)];
}

const EMPTY = new Int32Array(0);

/**
 * Working intervals of the local days [fromDay, toDay): each day's windows converted to
 * instants, blackouts cut out, touching intervals merged.
 */
export function generateIntervals(
  calendar: NormalizedCalendar,
  clock: ZoneClock,
  fromDay: number,
  toDay: number,
): FlatIntervals {
  const raw: number[] = [];
  let buffer = new Float64Array(8);
  for (let day = fromDay; day < toDay; day++) {
    const windows = windowsOfDay(calendar, day);
    if (windows.length === 0) continue;
    if (buffer.length < windows.length) buffer = new Float64Array(windows.length);
    const instants = buffer.subarray(0, windows.length);
    clock.localDayToInstants(day, windows, instants);
    for (let k = 0; k < windows.length; k += 2) {
      if (instants[k + 1] > instants[k]) pushMerged(raw, instants[k], instants[k + 1]);
    }
  }
  return subtract(raw, calendar.blackoutUnion);
}

/** Appends [start, end), merging with the last interval when they touch or overlap. */
export function pushMerged(out: number[], start: number, end: number): void {
  const last = out.length - 1;
  if (last > 0 && start <= out[last]) {
    if (end > out[last]) out[last] = end;
  } else {
    out.push(start, end);
  }
}

/** `intervals` minus `holes`, both flat, sorted and disjoint. */
function subtract(intervals: FlatIntervals, holes: Float64Array): FlatIntervals {
  if (holes.length === 0 || intervals.length === 0) return intervals;
  const out: number[] = [];
  let h = lowerBoundEnd(holes, intervals[0]);
  for (let i = 0; i < intervals.length; i += 2) {
    let start = intervals[i];
    const end = intervals[i + 1];
    while (h < holes.length && holes[h + 1] <= start) h += 2;
    let k = h;
    while (k < holes.length && holes[k] < end) {
      if (holes[k] > start) out.push(start, holes[k]);
      start = Math.max(start, holes[k + 1]);
      if (start >= end) break;
      k += 2;
    }
    if (start < end) out.push(start, end);
  }
  return out;
}

/** First even index whose hole ends after `t`. */
function lowerBoundEnd(holes: Float64Array, t: number): number {
  let lo = 0;
  let hi = holes.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holes[2 * mid + 1] <= t) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}
