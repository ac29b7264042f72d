import { localTimeOf } from '@worksite/shared-util-time';

/** The zone of the demo and of the tests' projects. */
const ZONE = 'Asia/Shanghai';

/** How long after quietNightRun() the worker is guaranteed to start nothing by itself. */
export const QUIET_FOR_MS = (3 * 60 + 55) * 60_000;

export interface QuietNightRun {
  NOTICE_SEND_TIME: string;
  NOTICE_WATCHDOG_GRACE_MINUTES: number;
  NOTICE_REMINDER_TIME: string;
  NOTICE_ESCALATION_TIME: string;
  MAKE_READY_REMINDER_TIME: string;
  MAKE_READY_LIST_TIME: string;
}

/**
 * Settings that keep a test's worker from acting by itself for QUIET_FOR_MS, whatever the
 * time of day (tests start runs themselves):
 * - the send time is 23:59 before 20:00 and 20:00 from then on, so the job scheduler's next
 *   firing is at least 3 h 59 min away (20:00 has passed by then and comes again tomorrow);
 * - with the largest grace (4 h) the watchdog's catch-up window, send time + grace until
 *   midnight, is empty: a send time from 20:00 on plus 4 h is midnight or later;
 * - reminders use the send time too: a notice written during the test is reminded only at
 *   the next one (and one written after it, never that evening);
 * - the make-ready owners' reminders and not-ready list at the send time too: their schedulers
 *   fire as far away, the reminders' catch-up (time + grace until midnight) is empty and so
 *   is the list's (time + grace until the send time);
 * - escalations at 23:59: the notices of a test (tomorrow's, or later) are never flagged
 *   within it; a notice for today only in the day's last minute.
 * notice-timing's rules are checked against these settings for every minute of a day
 * (libs/notices/domain quiet-night-run.spec.ts).
 */
export function quietNightRun(now = Date.now()): QuietNightRun {
  const sendTime = localTimeOf(now, ZONE) < '20:00' ? '23:59' : '20:00';
  return {
    NOTICE_SEND_TIME: sendTime,
    NOTICE_WATCHDOG_GRACE_MINUTES: 240,
    NOTICE_REMINDER_TIME: sendTime,
    NOTICE_ESCALATION_TIME: '23:59',
    MAKE_READY_REMINDER_TIME: sendTime,
    MAKE_READY_LIST_TIME: sendTime,
  };
}

/** quietNightRun() as environment variables, for a worker or api started as a process. */
export function quietNightRunEnv(now = Date.now()): Record<keyof QuietNightRun, string> {
  const quiet = quietNightRun(now);
  return {
    NOTICE_SEND_TIME: quiet.NOTICE_SEND_TIME,
    NOTICE_WATCHDOG_GRACE_MINUTES: String(quiet.NOTICE_WATCHDOG_GRACE_MINUTES),
    NOTICE_REMINDER_TIME: quiet.NOTICE_REMINDER_TIME,
    NOTICE_ESCALATION_TIME: quiet.NOTICE_ESCALATION_TIME,
    MAKE_READY_REMINDER_TIME: quiet.MAKE_READY_REMINDER_TIME,
    MAKE_READY_LIST_TIME: quiet.MAKE_READY_LIST_TIME,
  };
}
