import { WorkingCalendar } from '@worksite/scheduling-engine';
import { DateTime } from 'luxon';
import { isWorkingDay, shiftByWorkingDays } from './shift-working-days';
import { settleTaskTimes } from './task-times';

// Mon–Fri 08–12 and 14–18; Monday 2026-12-07 a holiday; Sunday 2026-12-13 a 调休 make-up day;
// a blackout over the whole of Wednesday 2026-12-16.
const day = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];
const zone = 'Asia/Shanghai';
const calendar = WorkingCalendar.compile({
  timeZone: zone,
  weekly: { 1: day, 2: day, 3: day, 4: day, 5: day },
  holidays: ['2026-12-07'],
  makeUpWorkdays: ['2026-12-13'],
  blackouts: [{ start: Date.parse('2026-12-16T00:00:00+08:00'), end: Date.parse('2026-12-17T00:00:00+08:00') }],
});
const sh = (local: string) => DateTime.fromISO(local, { zone }).toMillis();
const shl = (t: number | null) => (t === null ? null : DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"));
const shift = (local: string, days: number) => shl(shiftByWorkingDays(calendar, zone, sh(local), days));

describe('shiftByWorkingDays', () => {
  it('skips the weekend and a holiday, keeping the time of day', () => {
    expect(shift('2026-12-04T09:30', 1)).toBe('2026-12-08T09:30');
    expect(shift('2026-12-04T09:30', 2)).toBe('2026-12-09T09:30');
  });

  it('goes back over the same days with a negative count', () => {
    expect(shift('2026-12-08T09:30', -1)).toBe('2026-12-04T09:30');
    expect(shift('2026-12-09T14:00', -2)).toBe('2026-12-04T14:00');
  });

  it('counts a make-up Sunday and skips a day-long blackout', () => {
    expect(shift('2026-12-11T08:00', 1)).toBe('2026-12-13T08:00');
    expect(shift('2026-12-15T08:00', 1)).toBe('2026-12-17T08:00');
    expect(isWorkingDay(calendar, '2026-12-16', zone)).toBe(false);
    expect(isWorkingDay(calendar, '2026-12-13', zone)).toBe(true);
  });

  it('leaves the start alone for zero days and refuses fractions', () => {
    expect(shift('2026-12-04T09:30', 0)).toBe('2026-12-04T09:30');
    expect(shift('2026-12-04T09:30', 0.5)).toBeNull();
  });

  it('gives up when no working day comes (a calendar closed for years)', () => {
    const closed = {
      nextWorkingInstant: (t: number) => t,
      addWorkingMinutes: (t: number) => t,
      workingMinutesBetween: () => 0,
    };
    expect(shiftByWorkingDays(closed, zone, sh('2026-12-04T09:30'), 1)).toBeNull();
  });

  it('lands an automatic task in working time once settled, with its working duration', () => {
    // Friday 16:00 for 4 working hours, + 2 days (the make-up Sunday counts): Monday 16:00 to Tuesday 10:00.
    const moved = shiftByWorkingDays(calendar, zone, sh('2026-12-11T16:00'), 2) as number;
    expect(shl(moved)).toBe('2026-12-14T16:00');
    const settled = settleTaskTimes(calendar, 'automatic', { start: moved, currentDuration: 240 });
    expect(settled.ok && { start: shl(settled.times.start), finish: shl(settled.times.finish) }).toEqual({
      start: '2026-12-14T16:00',
      finish: '2026-12-15T10:00',
    });
  });
});
