import { QUIET_FOR_MS, quietNightRun, QuietNightRun } from '@worksite/notices-testing';
import { addDays, dayRange } from '@worksite/shared-util-time';
import { escalationDue, nextDailyAt, notReadyListCatchUpDue, reminderDue, runCatchUpDue } from './notice-timing';

const ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;
const DAY = '2026-12-03';

/**
 * The test helper quietNightRun (@worksite/notices-testing), checked here against the rules
 * the worker uses (notice-timing): for every minute of a day, started then, a test's worker
 * must not start a run (job scheduler or watchdog catch-up), remind or escalate by itself
 * for QUIET_FOR_MS, minute by minute over the window.
 */
describe('quietNightRun', () => {
  const start = dayRange(DAY, ZONE).start.getTime();
  const minutes = Array.from({ length: 24 * 60 }, (_, i) => start + i * MINUTE);
  const horizon = Array.from({ length: (24 + 5) * 60 }, (_, i) => start + i * MINUTE);
  const dates = [DAY, addDays(DAY, 1), addDays(DAY, 2)];
  const settings = new Map<string, QuietNightRun>();
  for (const now of minutes) settings.set(JSON.stringify(quietNightRun(now)), quietNightRun(now));

  /** Minute by minute over the horizon, what each rule says under each settings. */
  const table = new Map(
    [...settings].map(([key, q]) => [
      key,
      {
        catchUp: horizon.map((t) => runCatchUpDue(t, q.NOTICE_SEND_TIME, q.NOTICE_WATCHDOG_GRACE_MINUTES, ZONE)),
        // The make-ready owners' reminders and the not-ready list, made by the watchdog itself.
        makeReady: horizon.map(
          (t) =>
            runCatchUpDue(t, q.MAKE_READY_REMINDER_TIME, q.NOTICE_WATCHDOG_GRACE_MINUTES, ZONE) ||
            notReadyListCatchUpDue(
              t,
              { list: q.MAKE_READY_LIST_TIME, send: q.NOTICE_SEND_TIME },
              q.NOTICE_WATCHDOG_GRACE_MINUTES,
              ZONE,
            ),
        ),
        escalation: dates.map((date) => horizon.map((t) => escalationDue(t, date, q.NOTICE_ESCALATION_TIME, ZONE))),
        // Reminders of a notice written long before; the notice's own time is checked per start below.
        reminder: dates.map((date) =>
          horizon.map((t) =>
            reminderDue(
              t,
              { date, createdAt: 0 },
              { reminder: q.NOTICE_REMINDER_TIME, escalation: q.NOTICE_ESCALATION_TIME },
              ZONE,
            ),
          ),
        ),
      },
    ]),
  );
  const rulesAt = (now: number) => {
    const rules = table.get(JSON.stringify(quietNightRun(now)));
    if (!rules) throw new Error('settings of a minute not in the table');
    return rules;
  };
  const windowOf = (index: number) => ({ from: index, to: index + QUIET_FOR_MS / MINUTE });
  const anyIn = (flags: boolean[], { from, to }: { from: number; to: number }) =>
    flags.slice(from, to + 1).findIndex(Boolean);

  it('uses two settings a day, both with the largest grace', () => {
    expect([...settings.values()]).toEqual([
      {
        NOTICE_SEND_TIME: '23:59',
        NOTICE_WATCHDOG_GRACE_MINUTES: 240,
        NOTICE_REMINDER_TIME: '23:59',
        NOTICE_ESCALATION_TIME: '23:59',
        MAKE_READY_REMINDER_TIME: '23:59',
        MAKE_READY_LIST_TIME: '23:59',
      },
      {
        NOTICE_SEND_TIME: '20:00',
        NOTICE_WATCHDOG_GRACE_MINUTES: 240,
        NOTICE_REMINDER_TIME: '20:00',
        NOTICE_ESCALATION_TIME: '23:59',
        MAKE_READY_REMINDER_TIME: '20:00',
        MAKE_READY_LIST_TIME: '20:00',
      },
    ]);
    expect(QUIET_FOR_MS).toBeGreaterThanOrEqual(3 * 3600_000);
  });

  it('keeps the job schedulers (run, make-ready reminders and list) from firing within the quiet time, started at any minute', () => {
    const early = minutes.filter((now) => {
      const q = quietNightRun(now);
      return [q.NOTICE_SEND_TIME, q.MAKE_READY_REMINDER_TIME, q.MAKE_READY_LIST_TIME].some(
        (time) => nextDailyAt(now, time, ZONE) - now < QUIET_FOR_MS,
      );
    });
    expect(early).toEqual([]);
  });

  it('keeps the watchdog from reminding constraint owners or making a not-ready list within the quiet time', () => {
    const loud = minutes.flatMap((now, index) => {
      const at = anyIn(rulesAt(now).makeReady, windowOf(index));
      return at < 0 ? [] : [`${new Date(now).toISOString()} → ${new Date(horizon[index + at]).toISOString()}`];
    });
    expect(loud).toEqual([]);
  });

  it('keeps the watchdog from starting a run within the quiet time, started at any minute', () => {
    const loud = minutes.flatMap((now, index) => {
      const rules = rulesAt(now);
      const at = anyIn(rules.catchUp, windowOf(index));
      return at < 0 ? [] : [`${new Date(now).toISOString()} → ${new Date(horizon[index + at]).toISOString()}`];
    });
    expect(loud).toEqual([]);
  });

  it('reminds no notice written during the quiet time, for today, tomorrow or the day after', () => {
    const loud = minutes.flatMap((now, index) => {
      const q = quietNightRun(now);
      const rules = rulesAt(now);
      return dates.flatMap((date, d) => {
        const at = anyIn(rules.reminder[d], windowOf(index));
        if (at < 0) return [];
        // Due for an old notice at that minute; the notice written at `now` differs only in its
        // creation time, which the rule compares with the reminder time of its date.
        const t = horizon[index + at];
        const times = { reminder: q.NOTICE_REMINDER_TIME, escalation: q.NOTICE_ESCALATION_TIME };
        return reminderDue(t, { date, createdAt: now }, times, ZONE)
          ? [`${new Date(now).toISOString()} ${date} → ${new Date(t).toISOString()}`]
          : [];
      });
    });
    expect(loud).toEqual([]);
  });

  it('escalates no notice for tomorrow or later within the quiet time, and today’s only in the last minute', () => {
    const lastMinute = dayRange(DAY, ZONE).end.getTime() - MINUTE;
    const loud = minutes.flatMap((now, index) => {
      const rules = rulesAt(now);
      return dates.flatMap((date, d) => {
        const flags = rules.escalation[d].map((due, i) => due && !(d === 0 && horizon[i] >= lastMinute));
        const at = anyIn(flags, windowOf(index));
        return at < 0
          ? []
          : [`${new Date(now).toISOString()} ${date} → ${new Date(horizon[index + at]).toISOString()}`];
      });
    });
    expect(loud).toEqual([]);
  });
});
