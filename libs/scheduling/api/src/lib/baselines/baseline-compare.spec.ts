import { WorkingCalendar } from '@worksite/scheduling-engine';
import { compareDates, PlannedDates } from './baseline-compare';

// Asia/Shanghai, Mon–Fri 08–12 and 14–18; 2026-03-02 is a Monday.
const at = (local: string) => new Date(`${local}:00+08:00`);
const task = (taskId: string, start: string, finish: string): PlannedDates => ({
  taskId,
  title: `任务${taskId}`,
  plannedStart: at(start),
  plannedFinish: at(finish),
  durationMinutes: 240,
});

describe('comparing planned dates', () => {
  const calendar = WorkingCalendar.compile({ holidays: ['2026-03-09'] });

  it('lists the tasks that moved with their slip in working days, the largest slip first', () => {
    const before = [
      task('a', '2026-03-02T08:00', '2026-03-02T12:00'),
      task('b', '2026-03-06T14:00', '2026-03-06T18:00'),
      task('c', '2026-03-03T08:00', '2026-03-03T12:00'),
      task('gone', '2026-03-03T08:00', '2026-03-03T12:00'),
    ];
    const after = [
      task('a', '2026-03-03T08:00', '2026-03-03T12:00'),
      // Friday → Tuesday over the weekend and the Monday holiday: one working day.
      task('b', '2026-03-10T14:00', '2026-03-10T18:00'),
      task('c', '2026-03-03T08:00', '2026-03-03T12:00'),
      task('new', '2026-03-04T08:00', '2026-03-04T12:00'),
    ];
    const { items, unchanged } = compareDates(before, after, calendar);
    expect(unchanged).toBe(1);
    expect(items.map((item) => [item.taskId, item.startSlipDays, item.finishSlipDays])).toEqual([
      ['a', 1, 1],
      ['b', 1, 1],
      ['gone', null, null],
      ['new', null, null],
    ]);
    expect(items.find((item) => item.taskId === 'gone')).toMatchObject({
      after: null,
      before: { durationMinutes: 240 },
    });
  });

  it('reports work brought forward as a negative slip, and a longer task by its finish', () => {
    const { items } = compareDates(
      [task('a', '2026-03-04T08:00', '2026-03-04T12:00')],
      [task('a', '2026-03-03T14:00', '2026-03-04T12:00')],
      calendar,
    );
    expect(items).toEqual([expect.objectContaining({ startSlipDays: -0.5, finishSlipDays: 0 })]);
  });
});
