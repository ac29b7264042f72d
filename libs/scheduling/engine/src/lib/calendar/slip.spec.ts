import { sh } from '../../testing/calendars';
import { slipInWorkingDays, workingDayMinutes } from './slip';
import { WorkingCalendar } from './working-calendar';

// 2026-03-02 is a Monday; the default calendar works Mon–Fri 08–12 and 14–18 (480 minutes a day).
describe('slip in working days', () => {
  const plain = WorkingCalendar.compile();

  it('counts a move to the next day as one working day, and half a day as 0.5', () => {
    expect(slipInWorkingDays(plain, sh('2026-03-02T18:00'), sh('2026-03-03T18:00'))).toBe(1);
    expect(slipInWorkingDays(plain, sh('2026-03-02T12:00'), sh('2026-03-02T18:00'))).toBe(0.5);
    expect(slipInWorkingDays(plain, sh('2026-03-03T18:00'), sh('2026-03-02T18:00'))).toBe(-1);
    expect(slipInWorkingDays(plain, sh('2026-03-02T18:00'), sh('2026-03-02T18:00'))).toBe(0);
  });

  it('skips weekends, holidays and blackouts: Friday to Monday is one day', () => {
    expect(slipInWorkingDays(plain, sh('2026-03-06T18:00'), sh('2026-03-09T18:00'))).toBe(1);
    const holiday = WorkingCalendar.compile({ holidays: ['2026-03-09'] });
    expect(slipInWorkingDays(holiday, sh('2026-03-06T18:00'), sh('2026-03-10T18:00'))).toBe(1);
    const exam = WorkingCalendar.compile({
      blackouts: [{ start: sh('2026-03-03T08:00'), end: sh('2026-03-03T12:00'), label: '中考' }],
    });
    expect(slipInWorkingDays(exam, sh('2026-03-02T18:00'), sh('2026-03-03T18:00'))).toBe(0.5);
  });

  it('takes the end of a window and the start of the next as the same moment (no slip over the noon break)', () => {
    expect(slipInWorkingDays(plain, sh('2026-03-02T12:00'), sh('2026-03-02T14:00'))).toBe(0);
  });

  it('measures days in the length of a normal working day, not a short Saturday', () => {
    const saturdays = WorkingCalendar.compile({
      weekly: {
        1: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
        2: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
        3: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
        4: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
        5: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
        6: [{ start: '08:00', end: '12:00' }],
      },
    });
    expect(workingDayMinutes(saturdays)).toBe(480);
    // Friday 12:00 → Saturday 12:00: Friday afternoon and Saturday morning, one day's work.
    expect(slipInWorkingDays(saturdays, sh('2026-03-06T12:00'), sh('2026-03-07T12:00'))).toBe(1);
    expect(workingDayMinutes(WorkingCalendar.compile({ weekly: { 1: [{ start: '09:00', end: '10:00' }] } }))).toBe(60);
  });
});
