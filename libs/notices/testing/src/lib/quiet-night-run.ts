import { localTimeOf } from '@worksite/shared-util-time';

/**
 * Settings that keep a test's worker from starting tomorrow's night run by itself: the send
 * time two hours from now in the demo's zone (or 23:59 late in the evening) with a 4-hour
 * grace, so neither the job scheduler nor the watchdog's catch-up (send time + grace until
 * midnight) falls within a test run, whatever the time of day. Tests start runs themselves.
 */
export function quietNightRun(now = Date.now()): { NOTICE_SEND_TIME: string; NOTICE_WATCHDOG_GRACE_MINUTES: number } {
  const [hour, minute] = localTimeOf(now, 'Asia/Shanghai').split(':').map(Number);
  const later = Math.min(hour * 60 + minute + 120, 23 * 60 + 59);
  const hhmm = `${String(Math.floor(later / 60)).padStart(2, '0')}:${String(later % 60).padStart(2, '0')}`;
  return { NOTICE_SEND_TIME: hhmm, NOTICE_WATCHDOG_GRACE_MINUTES: 240 };
}
