import { parseLocalDate, parseLocalTime } from './civil-date';

/** A local date, 'YYYY-MM-DD'. */
export type LocalDate = string;
/** A local wall-clock time, 'HH:mm'; '24:00' is allowed as the end of a window. */
export type LocalTime = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A working window within one local day, [start, end) in wall-clock time. */
export interface TimeWindow {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** A 调休 make-up working day, optionally with its own windows. */
export interface MakeUpWorkday {
  readonly date: LocalDate;
  readonly windows?: readonly TimeWindow[];
}

/** A span of instants [start, end) in which no work may happen, e.g. exam days. */
export interface Blackout {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/**
 * A project's working calendar as plain, JSON-serialisable data.
 *
 * - `weekly`: working windows per ISO weekday; when omitted, Mon–Fri 08:00–12:00 and
 *   14:00–18:00. When given, a weekday without an entry has no working time.
 * - `holidays`: local dates with no work (a holiday wins over a make-up day on the same date).
 * - `makeUpWorkdays`: local dates worked although normally off; they use their own windows,
 *   else Monday's windows, else the default windows.
 * - `blackouts`: instant ranges removed from working time whatever the weekly windows say.
 */
export interface CalendarSpec {
  /** IANA time zone, default 'Asia/Shanghai'. */
  readonly timeZone?: string;
  readonly weekly?: Readonly<Partial<Record<IsoWeekday, readonly TimeWindow[]>>>;
  readonly holidays?: readonly LocalDate[];
  readonly makeUpWorkdays?: readonly (LocalDate | MakeUpWorkday)[];
  readonly blackouts?: readonly Blackout[];
}

/** Default project time zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Default daily windows: residential noise rules with a noon break. */
export const DEFAULT_WORKING_WINDOWS: readonly TimeWindow[] = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];

/** Thrown when a calendar spec is malformed or a query leaves the supported date range. */
export class CalendarSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarSpecError';
  }
}

/** A spec checked and turned into numbers: windows as sorted, merged minute pairs. */
export interface NormalizedCalendar {
  readonly timeZone: string;
  /** Index 1..7: flat [start, end, start, end, …] minutes after local midnight. */
  readonly weekly: readonly Int32Array[];
  readonly holidays: ReadonlySet<number>;
  /** Epoch day → windows of that make-up day. */
  readonly makeUpWorkdays: ReadonlyMap<number, Int32Array>;
  /** Blackouts sorted by start, then end. */
  readonly blackouts: readonly Blackout[];
  /** Union of the blackouts as flat sorted, disjoint [start, end, …] instants. */
  readonly blackoutUnion: Float64Array;
  /** True when some weekday or make-up day has working time. */
  readonly hasWorkingTime: boolean;
}

function normalizeWindows(windows: readonly TimeWindow[], where: string): Int32Array {
  const pairs: [number, number][] = windows.map((w) => {
    const start = parseLocalTime(w.start);
    const end = parseLocalTime(w.end);
    if (Number.isNaN(start) || Number.isNaN(end) || start >= end || start === 1440) {
      throw new CalendarSpecError(`Invalid working window ${w.start}–${w.end} (${where})`);
    }
    return [start, end];
  });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: number[] = [];
  for (const [start, end] of pairs) {
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]) merged[last] = Math.max(merged[last], end);
    else merged.push(start, end);
  }
  return Int32Array.from(merged);
}

function dayOf(text: string, what: string): number {
  const day = parseLocalDate(text);
  if (Number.isNaN(day)) throw new CalendarSpecError(`Invalid ${what} date '${text}', expected YYYY-MM-DD`);
  return day;
}

/** Validates a spec and converts it to the numeric form the compiler uses. */
export function normalizeCalendarSpec(spec: CalendarSpec): NormalizedCalendar {
  const timeZone = spec.timeZone ?? DEFAULT_TIME_ZONE;
  const weekly: Int32Array[] = [new Int32Array(0)];
  for (let d = 1; d <= 7; d++) {
    const windows = spec.weekly ? (spec.weekly[d as IsoWeekday] ?? []) : d <= 5 ? DEFAULT_WORKING_WINDOWS : [];
    weekly.push(normalizeWindows(windows, `weekday ${d}`));
  }
  const holidays = new Set((spec.holidays ?? []).map((h) => dayOf(h, 'holiday')));
  const mondayOrDefault = weekly[1].length > 0 ? weekly[1] : normalizeWindows(DEFAULT_WORKING_WINDOWS, 'default');
  const makeUpWorkdays = new Map<number, Int32Array>();
  for (const entry of spec.makeUpWorkdays ?? []) {
    const date = typeof entry === 'string' ? entry : entry.date;
    const own = typeof entry === 'string' ? undefined : entry.windows;
    makeUpWorkdays.set(dayOf(date, 'make-up workday'), own ? normalizeWindows(own, date) : mondayOrDefault);
  }
  const blackouts = [...(spec.blackouts ?? [])];
  for (const b of blackouts) {
    if (!Number.isFinite(b.start) || !Number.isFinite(b.end) || b.end < b.start) {
      throw new CalendarSpecError(`Invalid blackout '${b.label}': start and end must be finite with start <= end`);
    }
  }
  blackouts.sort((a, b) => a.start - b.start || a.end - b.end);
  const union: number[] = [];
  for (const b of blackouts) {
    if (b.end === b.start) continue;
    const last = union.length - 1;
    if (last > 0 && b.start <= union[last]) union[last] = Math.max(union[last], b.end);
    else union.push(b.start, b.end);
  }
  const hasWorkingTime =
    weekly.some((w) => w.length > 0) ||
    [...makeUpWorkdays.entries()].some(([d, w]) => w.length > 0 && !holidays.has(d));
  return {
    timeZone,
    weekly,
    holidays,
    makeUpWorkdays,
    blackouts,
    blackoutUnion: Float64Array.from(union),
    hasWorkingTime,
  };
}
