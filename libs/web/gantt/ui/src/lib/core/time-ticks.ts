import { DateTime } from 'luxon';
import { cachedZone } from './zone-cache';
import { formatLabel } from '../gantt-labels';
import type { TimeScale } from './time-scale';
import type { TickUnit } from './zoom-levels';

/** One cell of a header tier. */
export interface TimeTick {
  /** Stable key for rendering: the tick's start time. */
  readonly start: number;
  readonly x: number;
  readonly width: number;
  readonly label: string;
  /** Start of a weekend day (Saturday/Sunday), for a subtle header tint. */
  readonly weekend: boolean;
}

const FORMATS: Readonly<Record<Exclude<TickUnit, 'week'>, Readonly<Record<'top' | 'bottom', Intl.DateTimeFormatOptions>>>> = {
  year: { top: { year: 'numeric' }, bottom: { year: 'numeric' } },
  month: { top: { year: 'numeric', month: 'long' }, bottom: { month: 'short' } },
  day: { top: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }, bottom: { day: 'numeric' } },
  hour: { top: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, bottom: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } },
};

/** Lower-tier day labels also show the weekday when they are wide enough (day zoom). */
const DAY_WITH_WEEKDAY: Intl.DateTimeFormatOptions = { day: 'numeric', weekday: 'short' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached `Intl.DateTimeFormat`: constructing one costs far more than using it. */
export function dateFormatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, formatter);
  }
  return formatter;
}

export interface TickOptions {
  readonly unit: TickUnit;
  readonly tier: 'top' | 'bottom';
  readonly zone: string;
  readonly locale: string;
  /** Label template for weeks, with `{week}` and `{year}`. */
  readonly weekLabel: string;
}

/** Header cells of one tier that intersect `[t0, t1]`, in the display zone. */
export function timeTicks(scale: TimeScale, t0: number, t1: number, options: TickOptions): TimeTick[] {
  const { unit, zone } = options;
  const luxonUnit = unit === 'week' ? 'week' : unit;
  let cursor = DateTime.fromMillis(Math.max(t0, scale.origin), { zone: cachedZone(zone) }).startOf(luxonUnit);
  const last = Math.min(t1, scale.end);
  const ticks: TimeTick[] = [];
  const step = { [`${luxonUnit}s`]: 1 };
  let formatOptions: Intl.DateTimeFormatOptions | null = null;
  if (unit !== 'week') {
    formatOptions = FORMATS[unit][options.tier];
    if (unit === 'day' && options.tier === 'bottom' && 86_400_000 / scale.msPerPx >= 64) formatOptions = DAY_WITH_WEEKDAY;
  }
  const formatter = formatOptions ? dateFormatter(options.locale, zone, formatOptions) : null;
  // Bounded: a tier never needs more cells than this even on the widest screen.
  for (let guard = 0; cursor.toMillis() <= last && guard < 2000; guard++) {
    const next = cursor.plus(step);
    const start = cursor.toMillis();
    const x = scale.x(start);
    const label = formatter
      ? formatter.format(start)
      : formatLabel(options.weekLabel, { week: cursor.weekNumber, year: cursor.weekYear });
    ticks.push({ start, x, width: scale.x(next.toMillis()) - x, label, weekend: unit === 'day' && cursor.weekday >= 6 });
    cursor = next;
  }
  return ticks;
}
