import { ScheduleChange, WorkingCalendar } from '@worksite/scheduling-engine';
import { scheduledAsOf, settleTaskTimes, TaskTimes } from '@worksite/scheduling-network';
import { ScheduledTaskDto, TaskDto } from '@worksite/shared-domain';
import { GanttBarDragEvent } from '@worksite/web-gantt-ui';

/** What a drag means: where the task lands, the engine changes to preview it, and the PATCH that saves it. */
export interface DragEdit {
  /** The task's times as the api will store them (before its links push it further). */
  times: TaskTimes;
  changes: ScheduleChange[];
  patch: Partial<Pick<TaskDto, 'plannedStart' | 'plannedFinish'>>;
}

const iso = (t: number) => new Date(t).toISOString();

/**
 * Turns a drag into the same edit the API applies when it is saved. The drag follows the
 * calendar: a drop into the noon break, the night or a day off lands on the next working
 * minute, by the api's own rule (settleTaskTimes). A manual task placed outside working
 * hours on purpose (a night watch) moves freely, as the api keeps manual times.
 *
 * A move sends only the new start, so the task keeps its working duration (across nights
 * and breaks) as the API does; a resize sends the moved edge and the duration follows from
 * the working time between. Null when the drag cannot be saved (e.g. a finish before the start).
 */
export function dragEdit(event: GanttBarDragEvent, task: ScheduledTaskDto, calendar: WorkingCalendar): DragEdit | null {
  const start = Date.parse(task.plannedStart);
  const finish = Date.parse(task.plannedFinish);
  const as = scheduledAsOf(task);
  const follows = as === 'automatic' || calendar.isWorking(start) ? 'automatic' : 'manual';
  const id = task.id;
  switch (event.kind) {
    case 'move': {
      const to = follows === 'automatic' ? beyondGap(calendar, 'start', start, event.start) : event.start;
      const times = settled(calendar, follows, { start: to, currentDuration: task.durationMinutes });
      return (
        times && {
          times,
          changes: [{ kind: 'move-task', taskId: id, start: times.start }],
          patch: { plannedStart: iso(times.start) },
        }
      );
    }
    case 'resize-end': {
      const to = follows === 'automatic' ? beyondGap(calendar, 'finish', finish, event.finish) : event.finish;
      const times = settled(calendar, follows, { start, finish: to });
      return (
        times && {
          times,
          changes: [{ kind: 'resize-task', taskId: id, duration: times.durationMinutes }],
          patch: { plannedFinish: iso(times.finish) },
        }
      );
    }
    case 'resize-start': {
      const to = follows === 'automatic' ? beyondGap(calendar, 'start', start, event.start) : event.start;
      const times = settled(calendar, follows, { start: to, finish });
      return (
        times && {
          times,
          changes: [
            { kind: 'move-task', taskId: id, start: times.start, finish: times.finish },
            { kind: 'resize-task', taskId: id, duration: times.durationMinutes },
          ],
          patch: { plannedStart: iso(times.start), plannedFinish: iso(times.finish) },
        }
      );
    }
  }
}

/** Working minutes a drag or nudge goes into the working time beyond a gap it was stopped by. */
const INTO_NEXT_WINDOW = 60;

/**
 * An edge dragged (or nudged by one step) into the non-working gap right next to it would
 * snap straight back to where it is: a start moved earlier into the night before its window
 * starts there again, a finish moved later into the noon break ends at 12:00 again. Such a
 * move goes on into the working time beyond the gap instead (the last working hour before it,
 * or the first one after it), so that Alt+Arrow can cross nights, breaks and weekends.
 */
function beyondGap(calendar: WorkingCalendar, edge: 'start' | 'finish', current: number, proposed: number): number {
  if (edge === 'start' && proposed < current && calendar.workingMinutesBetween(proposed, current) <= 0) {
    return calendar.addWorkingMinutes(calendar.previousWorkingInstant(proposed), -INTO_NEXT_WINDOW);
  }
  if (edge === 'finish' && proposed > current && calendar.workingMinutesBetween(current, proposed) <= 0) {
    return calendar.addWorkingMinutes(calendar.nextWorkingInstant(proposed), INTO_NEXT_WINDOW);
  }
  return proposed;
}

function settled(
  calendar: WorkingCalendar,
  as: 'automatic' | 'manual',
  request: Parameters<typeof settleTaskTimes>[2],
): TaskTimes | null {
  const result = settleTaskTimes(calendar, as, request);
  return result.ok ? result.times : null;
}

/** True when the drag lands where the task already is. */
export function unchanged(edit: DragEdit, task: ScheduledTaskDto): boolean {
  return edit.times.start === Date.parse(task.plannedStart) && edit.times.finish === Date.parse(task.plannedFinish);
}
