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

const FORMATS: Readonly<
  Record<Exclude<TickUnit, 'week'>, Readonly<Record<'top' | 'bottom', Intl.DateTimeFormatOptions>>>
> = {
  year: { top: { year: 'numeric' }, bottom: { year: 'numeric' } },
  month: { top: { year: 'numeric', month: 'long' }, bottom: { month: 'short' } },
  day: { top: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }, bottom: { day: 'numeric' } },
  hour: {
    top: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    bottom: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  },
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
  const from = Math.max(t0, scale.origin);
  const to = Math.min(t1, scale.end);
  if (to < from) return [];
  let formatOptions: Intl.DateTimeFormatOptions | null = null;
  if (options.unit !== 'week') {
    formatOptions = FORMATS[options.unit][options.tier];
    if (options.unit === 'day' && options.tier === 'bottom' && DAY / scale.msPerPx >= 64)
      formatOptions = DAY_WITH_WEEKDAY;
  }
  const formatter = formatOptions ? dateFormatter(options.locale, options.zone, formatOptions) : null;
  const label = (start: number, local: LocalDate) =>
    formatter ? formatter.format(start) : formatLabel(options.weekLabel, isoWeek(local));
  const boundaries = fixedOffsetBoundaries(from, to, options) ?? zoneBoundaries(from, to, options);
  const ticks: TimeTick[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const { start, local } = boundaries[i];
    const x = scale.x(start);
    const weekend = options.unit === 'day' && (local.weekday === 6 || local.weekday === 7);
    ticks.push({ start, x, width: scale.x(boundaries[i + 1].start) - x, label: label(start, local), weekend });
  }
  return ticks;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** A tier never needs more cells than this, even on the widest screen. */
const MAX_TICKS = 2000;

/** Calendar fields of a boundary in the display zone (weekday: 1 = Monday … 7 = Sunday). */
interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: number;
}

interface Boundary {
  readonly start: number;
  readonly local: LocalDate;
}

function localDate(localMs: number): LocalDate {
  const d = new Date(localMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() || 7 };
}

/** Start (as zone-local milliseconds) of the unit containing `localMs`. */
function unitStart(localMs: number, unit: TickUnit): number {
  const d = new Date(localMs);
  switch (unit) {
    case 'hour':
      return Math.floor(localMs / HOUR) * HOUR;
    case 'day':
      return Math.floor(localMs / DAY) * DAY;
    case 'week': {
      const day = Math.floor(localMs / DAY) * DAY;
      return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
    }
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'year':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
  }
}

function nextUnit(localMs: number, unit: TickUnit): number {
  const d = new Date(localMs);
  switch (unit) {
    case 'hour':
      return localMs + HOUR;
    case 'day':
      return localMs + DAY;
    case 'week':
      return localMs + 7 * DAY;
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    case 'year':
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  }
}

/**
 * Boundaries by plain arithmetic when the zone's offset is the same over the whole span
 * (always for Asia/Shanghai; elsewhere unless a DST change falls inside): far cheaper than
 * luxon's calendar math. Returns null when the offset changes.
 */
function fixedOffsetBoundaries(from: number, to: number, options: TickOptions): Boundary[] | null {
  const zone = cachedZone(options.zone);
  const margin = options.unit === 'year' ? 366 * DAY : options.unit === 'month' ? 31 * DAY : 7 * DAY;
  const offset = zone.offset(from) * 60_000;
  if (zone.offset(from - margin) * 60_000 !== offset || zone.offset(to + margin) * 60_000 !== offset) return null;
  const out: Boundary[] = [];
  let local = unitStart(from + offset, options.unit);
  for (let guard = 0; guard <= MAX_TICKS; guard++) {
    out.push({ start: local - offset, local: localDate(local) });
    if (local - offset > to) break;
    local = nextUnit(local, options.unit);
  }
  return out;
}

/** Boundaries through luxon, correct across DST changes. */
function zoneBoundaries(from: number, to: number, options: TickOptions): Boundary[] {
  const step = { [`${options.unit}s`]: 1 };
  let cursor = DateTime.fromMillis(from, { zone: cachedZone(options.zone) }).startOf(options.unit);
  const out: Boundary[] = [];
  for (let guard = 0; guard <= MAX_TICKS; guard++) {
    out.push({
      start: cursor.toMillis(),
      local: { year: cursor.year, month: cursor.month, day: cursor.day, weekday: cursor.weekday },
    });
    if (cursor.toMillis() > to) break;
    cursor = cursor.plus(step);
  }
  return out;
}

/** ISO 8601 week number and week-numbering year of a local date. */
export function isoWeek(date: LocalDate): { week: number; year: number } {
  // The Thursday of the same ISO week decides the year.
  const thursday = Date.UTC(date.year, date.month - 1, date.day) + (4 - date.weekday) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { week, year };
}
