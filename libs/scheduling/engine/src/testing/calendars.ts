import { DateTime } from 'luxon';
import { CalendarSpec, IsoWeekday, TimeWindow } from '../lib/calendar/calendar-spec';

/** Working minutes in a 24-hour day. */
export const DAY_MINUTES = 1440;

const ALL_DAY: readonly TimeWindow[] = [{ start: '00:00', end: '24:00' }];

/** Round-the-clock UTC calendar: a day is 1440 working minutes, for hand-checked CPM numbers. */
export const ALWAYS_UTC: CalendarSpec = {
  timeZone: 'UTC',
  weekly: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY },
};

/** Same windows every day of the week. */
export function everyDay(windows: readonly TimeWindow[]): Partial<Record<IsoWeekday, readonly TimeWindow[]>> {
  return { 1: windows, 2: windows, 3: windows, 4: windows, 5: windows, 6: windows, 7: windows };
}

/** Instant of a local wall time, e.g. at('Europe/Berlin', '2026-03-29T08:00'). */
export function at(zone: string, local: string): number {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad local time ${local}`);
  return dt.toMillis();
}

/** Instant of an Asia/Shanghai wall time. */
export function sh(local: string): number {
  return at('Asia/Shanghai', local);
}

/** Formats an instant as local 'YYYY-MM-DDTHH:mm' (readable assertions). */
export function local(zone: string, instant: number): string {
  return DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Formats an instant as Shanghai local time. */
export function shl(instant: number): string {
  return local('Asia/Shanghai', instant);
}
