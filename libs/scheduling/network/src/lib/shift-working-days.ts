import { addDays, dayRange, localDateOf } from '@worksite/shared-util-time';
import { WorkingTime } from './task-times';

/** Further than this many calendar days, a shift gives up: the calendar has (almost) no working days. */
const SEARCH_DAYS = 3 * 366;

/** A local day counts as a working day when the calendar has any working time in it. */
export function isWorkingDay(time: WorkingTime, date: string, zone: string): boolean {
  const { start, end } = dayRange(date, zone);
  return time.workingMinutesBetween(start.getTime(), end.getTime()) > 0;
}

/**
 * The start a task moved by `days` working days gets: the same time of day on the `days`-th
 * working day after (or, negative, before) the day it starts on — Friday 09:00 + 1 is Monday
 * 09:00, and holidays, weekends and whole-day blackouts are skipped while 调休 make-up days
 * count. The result is not settled yet: an automatic task then goes to the next working
 * minute by the rule of `settleTaskTimes`. Null when no such day lies within three years.
 */
export function shiftByWorkingDays(time: WorkingTime, zone: string, start: number, days: number): number | null {
  if (!Number.isInteger(days)) return null;
  if (days === 0) return start;
  const from = localDateOf(start, zone);
  const step = days > 0 ? 1 : -1;
  let left = Math.abs(days);
  let date = from;
  for (let searched = 0; left > 0; searched++) {
    if (searched > SEARCH_DAYS) return null;
    date = addDays(date, step);
    if (isWorkingDay(time, date, zone)) left--;
  }
  return dayRange(date, zone).start.getTime() + (start - dayRange(from, zone).start.getTime());
}
