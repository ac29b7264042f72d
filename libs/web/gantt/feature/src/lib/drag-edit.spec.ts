import { WorkingCalendar } from '@worksite/scheduling-engine';
import { calendarSpecOf } from '@worksite/web-planning-data-access';
import { at, scheduleFixture } from '@worksite/web-planning-data-access/testing';
import { dragEdit, unchanged } from './drag-edit';

describe('dragEdit', () => {
  const schedule = scheduleFixture();
  const calendar = WorkingCalendar.compile(calendarSpecOf(schedule));
  const a = schedule.tasks[0];
  const t = (local: string) => Date.parse(at(local));

  it('saves a move as the new start only, so the working duration is kept', () => {
    const edit = dragEdit(
      { taskId: 'A', kind: 'move', start: t('2026-03-02T10:00'), finish: t('2026-03-02T14:00') },
      a,
      calendar,
    );
    expect(edit.patch).toEqual({ plannedStart: at('2026-03-02T10:00') });
    expect(edit.changes).toEqual([{ kind: 'move-task', taskId: 'A', start: t('2026-03-02T10:00') }]);
  });

  it('saves a resize of the finish as the new finish, with the duration in working minutes for the engine', () => {
    const edit = dragEdit(
      { taskId: 'A', kind: 'resize-end', start: t('2026-03-02T08:00'), finish: t('2026-03-02T16:00') },
      a,
      calendar,
    );
    expect(edit.patch).toEqual({ plannedFinish: at('2026-03-02T16:00') });
    expect(edit.changes).toEqual([{ kind: 'resize-task', taskId: 'A', duration: 360 }]);
  });

  it('saves a resize of the start as start and unchanged finish', () => {
    const edit = dragEdit(
      { taskId: 'A', kind: 'resize-start', start: t('2026-03-02T10:00'), finish: t('2026-03-02T12:00') },
      a,
      calendar,
    );
    expect(edit.patch).toEqual({ plannedStart: at('2026-03-02T10:00'), plannedFinish: at('2026-03-02T12:00') });
    expect(edit.changes[1]).toEqual({ kind: 'resize-task', taskId: 'A', duration: 120 });
  });

  it('knows a drag that ended where it began', () => {
    expect(
      unchanged({ taskId: 'A', kind: 'move', start: t('2026-03-02T08:00'), finish: t('2026-03-02T12:00') }, a),
    ).toBe(true);
  });
});
