import { WorkingCalendar } from '@worksite/scheduling-engine';
import { DateTime } from 'luxon';
import { settleTaskTimes } from './task-times';

// Mon–Fri 08–12 and 14–18, Saturday mornings, Monday 2026-12-07 a holiday.
const day = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];
const calendar = WorkingCalendar.compile({
  timeZone: 'Asia/Shanghai',
  weekly: { 1: day, 2: day, 3: day, 4: day, 5: day, 6: [{ start: '08:00', end: '12:00' }] },
  holidays: ['2026-12-07'],
});
const sh = (local: string) => DateTime.fromISO(local, { zone: 'Asia/Shanghai' }).toMillis();
const shl = (t: number) => DateTime.fromMillis(t, { zone: 'Asia/Shanghai' }).toFormat("yyyy-MM-dd'T'HH:mm");

function settled(as: 'automatic' | 'manual', request: Parameters<typeof settleTaskTimes>[2]) {
  const result = settleTaskTimes(calendar, as, request);
  if (!result.ok) throw new Error(result.problem.kind);
  const { start, finish, durationMinutes } = result.times;
  return { start: shl(start), finish: shl(finish), durationMinutes };
}

describe('settleTaskTimes', () => {
  it('snaps an automatic start in the noon break of a Saturday over the weekend and a holiday', () => {
    expect(settled('automatic', { start: sh('2026-12-05T12:00'), currentDuration: 240 })).toEqual({
      start: '2026-12-08T08:00',
      finish: '2026-12-08T12:00',
      durationMinutes: 240,
    });
  });

  it('snaps an automatic start in the night to the next morning and keeps a working start as it is', () => {
    expect(settled('automatic', { start: sh('2026-12-08T19:30'), duration: 60 }).start).toBe('2026-12-09T08:00');
    expect(settled('automatic', { start: sh('2026-12-08T09:15'), duration: 60 })).toEqual({
      start: '2026-12-08T09:15',
      finish: '2026-12-08T10:15',
      durationMinutes: 60,
    });
  });

  it('ends an automatic task where its work is done, not in the break after it', () => {
    // Resized to 13:00: three hours of work, done at the window's end.
    expect(settled('automatic', { start: sh('2026-12-08T09:00'), finish: sh('2026-12-08T13:00') })).toEqual({
      start: '2026-12-08T09:00',
      finish: '2026-12-08T12:00',
      durationMinutes: 180,
    });
    // Work running over the break resumes at 14:00.
    expect(settled('automatic', { start: sh('2026-12-08T11:00'), duration: 120 }).finish).toBe('2026-12-08T15:00');
  });

  it('keeps the times of a manual task as given, even at night', () => {
    expect(settled('manual', { start: sh('2026-12-06T20:00'), finish: sh('2026-12-06T22:00') })).toEqual({
      start: '2026-12-06T20:00',
      finish: '2026-12-06T22:00',
      durationMinutes: 0,
    });
  });

  it('names the field of a request it cannot settle', () => {
    const start = sh('2026-12-08T09:00');
    expect(settleTaskTimes(calendar, 'automatic', { start, finish: start + 1, duration: 5 })).toEqual({
      ok: false,
      problem: { kind: 'finish-and-duration', field: 'durationMinutes' },
    });
    expect(settleTaskTimes(calendar, 'manual', { start, finish: start - 1 })).toEqual({
      ok: false,
      problem: { kind: 'finish-before-start', field: 'plannedFinish' },
    });
    expect(settleTaskTimes(calendar, 'automatic', { start })).toEqual({
      ok: false,
      problem: { kind: 'finish-or-duration-required', field: 'plannedFinish' },
    });
  });
});
