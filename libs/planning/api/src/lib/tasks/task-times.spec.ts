import { ApiError } from '@worksite/api-core';
import { resolveTaskTimes, WorkingTime } from './task-times';

// A 24/7 calendar keeps the arithmetic obvious: working minutes are wall-clock minutes.
const allDay: WorkingTime = {
  nextWorkingInstant: (instant) => instant,
  addWorkingMinutes: (instant, minutes) => instant + minutes * 60_000,
  workingMinutesBetween: (from, to) => (to - from) / 60_000,
};
const start = Date.UTC(2026, 11, 1, 0, 0);

// How times follow the calendar is tested in @worksite/scheduling-network; these check the 400s.
describe('resolveTaskTimes', () => {
  it('derives the duration from a finish', () => {
    expect(resolveTaskTimes(allDay, 'automatic', { start, finish: start + 90 * 60_000 })).toEqual({
      start,
      finish: start + 90 * 60_000,
      durationMinutes: 90,
    });
  });

  it('derives the finish from a duration', () => {
    expect(resolveTaskTimes(allDay, 'automatic', { start, duration: 30 }).finish).toBe(start + 30 * 60_000);
  });

  it('keeps the current duration when only the start moves', () => {
    expect(resolveTaskTimes(allDay, 'automatic', { start, currentDuration: 60 })).toEqual({
      start,
      finish: start + 60 * 60_000,
      durationMinutes: 60,
    });
  });

  it('makes a zero-duration task a milestone at its start', () => {
    expect(resolveTaskTimes(allDay, 'automatic', { start, duration: 0 }).finish).toBe(start);
  });

  it.each([
    [{ start, finish: start + 1, duration: 5 }, 'not both'],
    [{ start, finish: start - 60_000 }, 'cannot finish before it starts'],
    [{ start }, 'Give plannedFinish or durationMinutes'],
  ])('refuses %j', (input, message) => {
    expect(() => resolveTaskTimes(allDay, 'automatic', input)).toThrow(ApiError);
    expect(() => resolveTaskTimes(allDay, 'automatic', input)).toThrow(message);
  });
});
