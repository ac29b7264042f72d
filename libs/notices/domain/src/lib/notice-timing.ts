import { addDays, dayRange, instantOf, localDateOf } from '@worksite/shared-util-time';

/**
 * When the nightly notices act by themselves, in one place: the worker's watchdog and
 * reminders use these rules, and the test helper that keeps a test's worker quiet
 * (quietNightRun in @worksite/notices-testing) is checked against them for every minute of
 * a day (quiet-night-run.spec.ts). Times are local HH:mm in the project's zone; instants are epoch milliseconds.
 */

/** The next instant after `now` at which a daily local time comes (what a cron job scheduler fires at). */
export function nextDailyAt(now: number, time: string, zone: string): number {
  const today = localDateOf(now, zone);
  const at = instantOf(today, time, zone).getTime();
  return at > now ? at : instantOf(addDays(today, 1), time, zone).getTime();
}

/**
 * The watchdog starts tomorrow's run itself when the job scheduler did not: from the send
 * time plus the grace until the local midnight.
 */
export function runCatchUpDue(now: number, sendTime: string, graceMinutes: number, zone: string): boolean {
  const today = localDateOf(now, zone);
  const due = instantOf(today, sendTime, zone).getTime() + graceMinutes * 60_000;
  return now >= due && now < dayRange(today, zone).end.getTime();
}

/**
 * An unacknowledged notice for `noticeDate` is reminded from the reminder time on the
 * evening before until the escalation time, if it was written before the reminder time.
 */
export function reminderDue(
  now: number,
  notice: { date: string; createdAt: number },
  times: { reminder: string; escalation: string },
  zone: string,
): boolean {
  const remindAt = instantOf(addDays(notice.date, -1), times.reminder, zone).getTime();
  const escalateAt = instantOf(notice.date, times.escalation, zone).getTime();
  return now >= remindAt && now < escalateAt && notice.createdAt < remindAt;
}

/** An unacknowledged notice is flagged to the coordinators from the escalation time until the end of its day. */
export function escalationDue(now: number, noticeDate: string, escalationTime: string, zone: string): boolean {
  return now >= instantOf(noticeDate, escalationTime, zone).getTime() && now < dayRange(noticeDate, zone).end.getTime();
}

/**
 * The watchdog makes a project's not-ready list itself when its job scheduler did not: from
 * the list time plus the grace until the send time (after the run the list is no use).
 */
export function notReadyListCatchUpDue(
  now: number,
  times: { list: string; send: string },
  graceMinutes: number,
  zone: string,
): boolean {
  const today = localDateOf(now, zone);
  const due = instantOf(today, times.list, zone).getTime() + graceMinutes * 60_000;
  return now >= due && now < instantOf(today, times.send, zone).getTime();
}
