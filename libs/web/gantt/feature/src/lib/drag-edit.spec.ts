import { WorkingCalendar } from '@worksite/scheduling-engine';
import { calendarSpecOf } from '@worksite/web-planning-data-access';
import { at, scheduleFixture, taskFixture } from '@worksite/web-planning-data-access/testing';
import { GanttBarDragEvent } from '@worksite/web-gantt-ui';
import { dragEdit, unchanged } from './drag-edit';

// The fixture's calendar: Mon–Fri 08–12 and 14–18, Friday 2026-03-06 a holiday, 2026-03-02 a Monday.
describe('dragEdit', () => {
  const schedule = scheduleFixture();
  const calendar = WorkingCalendar.compile(calendarSpecOf(schedule));
  const a = schedule.tasks[0];
  const t = (local: string) => Date.parse(at(local));
  const move = (start: string, finish: string): GanttBarDragEvent => ({
    taskId: 'A',
    kind: 'move',
    start: t(start),
    finish: t(finish),
  });
  const edit = (event: GanttBarDragEvent, task = a) => {
    const result = dragEdit(event, task, calendar);
    if (!result) throw new Error('no edit');
    return result;
  };

  it('saves a move as the new start only, so the working duration is kept', () => {
    const e = edit(move('2026-03-02T10:00', '2026-03-02T14:00'));
    expect(e.patch).toEqual({ plannedStart: at('2026-03-02T10:00') });
    expect(e.changes).toEqual([{ kind: 'move-task', taskId: 'A', start: t('2026-03-02T10:00') }]);
    expect(e.times).toEqual({ start: t('2026-03-02T10:00'), finish: t('2026-03-02T16:00'), durationMinutes: 240 });
  });

  it('lands a drop into the noon break at 14:00, as the api stores it', () => {
    const e = edit(move('2026-03-02T12:00', '2026-03-02T16:00'));
    expect(e.patch).toEqual({ plannedStart: at('2026-03-02T14:00') });
    expect(e.times).toEqual({ start: t('2026-03-02T14:00'), finish: t('2026-03-02T18:00'), durationMinutes: 240 });
  });

  it('lands a drop into a night before a holiday and a weekend on the next working morning', () => {
    const e = edit(move('2026-03-05T19:00', '2026-03-05T23:00'));
    expect(e.patch).toEqual({ plannedStart: at('2026-03-09T08:00') });
    expect(e.times.finish).toBe(t('2026-03-09T12:00'));
  });

  it('lets a manual task planned at night on purpose move freely', () => {
    const watch = taskFixture('W', {
      schedulingMode: 'manual',
      scheduledAs: 'manual',
      plannedStart: at('2026-03-07T20:00'),
      plannedFinish: at('2026-03-07T22:00'),
      durationMinutes: 0,
    });
    const e = edit({ taskId: 'W', kind: 'move', start: t('2026-03-07T21:00'), finish: t('2026-03-07T23:00') }, watch);
    expect(e.patch).toEqual({ plannedStart: at('2026-03-07T21:00') });
  });

  it('snaps a manual task planned in working time like an automatic one', () => {
    const c = schedule.tasks[2];
    const e = edit({ taskId: 'C', kind: 'move', start: t('2026-03-03T12:30'), finish: t('2026-03-03T16:30') }, c);
    expect(e.patch).toEqual({ plannedStart: at('2026-03-03T14:00') });
  });

  it('crosses the night when a start is nudged one hour earlier than its window', () => {
    const tuesday = taskFixture('A', { plannedStart: at('2026-03-03T08:00'), plannedFinish: at('2026-03-03T12:00') });
    const e = edit(move('2026-03-03T07:00', '2026-03-03T11:00'), tuesday);
    expect(e.patch).toEqual({ plannedStart: at('2026-03-02T17:00') });
  });

  it('saves a resize of the finish as the new finish, with the duration in working minutes for the engine', () => {
    const e = edit({ taskId: 'A', kind: 'resize-end', start: t('2026-03-02T08:00'), finish: t('2026-03-02T16:00') });
    expect(e.patch).toEqual({ plannedFinish: at('2026-03-02T16:00') });
    expect(e.changes).toEqual([{ kind: 'resize-task', taskId: 'A', duration: 360 }]);
  });

  it('crosses the noon break when a finish at 12:00 is pulled into it', () => {
    const e = edit({ taskId: 'A', kind: 'resize-end', start: t('2026-03-02T08:00'), finish: t('2026-03-02T13:00') });
    expect(e.patch).toEqual({ plannedFinish: at('2026-03-02T15:00') });
    expect(e.times.durationMinutes).toBe(300);
  });

  it('saves a resize of the start as start and unchanged finish', () => {
    const e = edit({ taskId: 'A', kind: 'resize-start', start: t('2026-03-02T10:00'), finish: t('2026-03-02T12:00') });
    expect(e.patch).toEqual({ plannedStart: at('2026-03-02T10:00'), plannedFinish: at('2026-03-02T12:00') });
    expect(e.changes[1]).toEqual({ kind: 'resize-task', taskId: 'A', duration: 120 });
  });

  it('knows a drag that lands where the task already is', () => {
    expect(unchanged(edit(move('2026-03-02T08:00', '2026-03-02T12:00')), a)).toBe(true);
    expect(unchanged(edit(move('2026-03-02T09:00', '2026-03-02T13:00')), a)).toBe(false);
  });
});
