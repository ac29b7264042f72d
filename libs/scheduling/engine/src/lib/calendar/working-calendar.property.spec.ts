import fc from 'fast-check';
import { DateTime } from 'luxon';
import { calendarSpecArb, instantArb } from '../../testing/arbitraries';
import { CalendarSpec, DEFAULT_WORKING_WINDOWS, IsoWeekday, TimeWindow } from './calendar-spec';
import { TimeRange, WorkingCalendar } from './working-calendar';

const RUNS = { numRuns: 100 };
const minutesArb = fc.integer({ min: 1, max: 20_000 });

describe('working calendar properties (random zones, windows, holidays, make-up days, blackouts)', () => {
  it('next/previous working instants bracket non-working time only', () => {
    fc.assert(
      fc.property(calendarSpecArb, instantArb, (spec, t) => {
        const cal = WorkingCalendar.compile(spec);
        const next = cal.nextWorkingInstant(t);
        const prev = cal.previousWorkingInstant(t);
        expect(next).toBeGreaterThanOrEqual(t);
        expect(prev).toBeLessThanOrEqual(t);
        expect(cal.isWorking(next)).toBe(true);
        expect(cal.isWorking(prev - 1)).toBe(true);
        expect(cal.workingMinutesBetween(t, next)).toBe(0);
        expect(cal.workingMinutesBetween(prev, t)).toBe(0);
      }),
      RUNS,
    );
  });

  it('adds and subtracts working minutes exactly, landing on a window end / a working instant', () => {
    fc.assert(
      fc.property(calendarSpecArb, instantArb, minutesArb, (spec, t, m) => {
        const cal = WorkingCalendar.compile(spec);
        const later = cal.addWorkingMinutes(t, m);
        expect(cal.workingMinutesBetween(t, later)).toBe(m);
        expect(cal.isWorking(later - 1)).toBe(true);
        const earlier = cal.addWorkingMinutes(t, -m);
        expect(cal.workingMinutesBetween(earlier, t)).toBe(m);
        expect(cal.isWorking(earlier)).toBe(true);
        expect(cal.addWorkingMinutes(cal.addWorkingMinutes(t, m), -m)).toBe(cal.nextWorkingInstant(t));
      }),
      RUNS,
    );
  });

  it('agrees with its own working intervals', () => {
    fc.assert(
      fc.property(calendarSpecArb, instantArb, fc.integer({ min: 1, max: 20 * 1440 }), (spec, t, span) => {
        const cal = WorkingCalendar.compile(spec);
        const end = t + span * 60_000;
        const intervals = cal.workingIntervals(t, end);
        const total = intervals.reduce((sum, r) => sum + (r.end - r.start), 0) / 60_000;
        expect(total).toBe(cal.workingMinutesBetween(t, end));
        for (const r of intervals) {
          expect(cal.isWorking(r.start)).toBe(true);
          expect(cal.isWorking(r.end - 1)).toBe(true);
        }
        const offHours = cal.nonWorkingIn(t, end).reduce((sum, p) => sum + (p.end - p.start), 0) / 60_000;
        expect(total + offHours).toBe(span);
      }),
      RUNS,
    );
  });

  it('matches windows converted day by day with luxon (DST, holidays, make-up days, blackouts)', () => {
    fc.assert(
      fc.property(calendarSpecArb, fc.integer({ min: 0, max: 280 }), (spec, dayOffset) => {
        const cal = WorkingCalendar.compile(spec);
        const zone = spec.timeZone as string;
        const day = DateTime.fromISO('2026-02-20', { zone }).plus({ days: dayOffset });
        const dayStart = day.toMillis();
        const dayEnd = day.plus({ days: 1 }).toMillis();
        expect(cal.workingIntervals(dayStart, dayEnd)).toEqual(oracleIntervals(spec, day, dayEnd));
      }),
      { numRuns: 300 },
    );
  });
});

/** The day's windows per the spec, each end converted by luxon, minus blackouts, merged. */
function oracleIntervals(spec: CalendarSpec, day: DateTime, dayEnd: number): TimeRange[] {
  const date = day.toISODate() as string;
  const weekly = spec.weekly ?? {};
  let windows: readonly TimeWindow[] = weekly[day.weekday as IsoWeekday] ?? [];
  const makeUp = [...(spec.makeUpWorkdays ?? [])].reverse().find((m) => (typeof m === 'string' ? m : m.date) === date);
  if (makeUp !== undefined) {
    const monday = weekly[1] ?? [];
    windows =
      typeof makeUp === 'string' ? (monday.length > 0 ? monday : DEFAULT_WORKING_WINDOWS) : (makeUp.windows ?? []);
  }
  if ((spec.holidays ?? []).includes(date)) windows = [];
  const instant = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    if (h === 24) return dayEnd;
    const dt = DateTime.fromObject(
      { year: day.year, month: day.month, day: day.day, hour: h, minute: m },
      { zone: day.zone },
    );
    // A repeated wall time (clocks going back) means its earlier instant; luxon picks the later.
    return Math.min(dt.toMillis(), ...dt.getPossibleOffsets().map((p) => p.toMillis()));
  };
  let pieces: TimeRange[] = [...windows]
    .map((w) => ({ start: instant(w.start), end: instant(w.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  for (const b of spec.blackouts ?? []) {
    pieces = pieces.flatMap((r) =>
      [
        { start: r.start, end: Math.min(r.end, b.start) },
        { start: Math.max(r.start, b.end), end: r.end },
      ].filter((x) => x.end > x.start),
    );
  }
  const merged: TimeRange[] = [];
  for (const r of pieces) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else merged.push(r);
  }
  return merged
    .map((r) => ({ start: Math.max(r.start, day.toMillis()), end: Math.min(r.end, dayEnd) }))
    .filter((r) => r.end > r.start);
}
