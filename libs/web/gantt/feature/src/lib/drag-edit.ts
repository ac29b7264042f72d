import { ScheduleChange, WorkingCalendar } from '@worksite/scheduling-engine';
import { ScheduledTaskDto, TaskDto } from '@worksite/shared-domain';
import { GanttBarDragEvent } from '@worksite/web-gantt-ui';

/** What a drag means: the engine changes to preview it, and the PATCH that saves it. */
export interface DragEdit {
  changes: ScheduleChange[];
  patch: Partial<Pick<TaskDto, 'plannedStart' | 'plannedFinish'>>;
}

const iso = (t: number) => new Date(t).toISOString();

/**
 * Turns a drag into the same edit the API applies when it is saved. A move sends only the
 * new start, so the task keeps its working duration (across nights and breaks) as the API
 * does; a resize sends the moved edge and the duration follows from the working time between.
 */
export function dragEdit(event: GanttBarDragEvent, task: ScheduledTaskDto, calendar: WorkingCalendar): DragEdit {
  const start = Date.parse(task.plannedStart);
  const finish = Date.parse(task.plannedFinish);
  const id = task.id;
  switch (event.kind) {
    case 'move':
      return {
        changes: [{ kind: 'move-task', taskId: id, start: event.start }],
        patch: { plannedStart: iso(event.start) },
      };
    case 'resize-end':
      return {
        changes: [{ kind: 'resize-task', taskId: id, duration: workingMinutes(calendar, start, event.finish) }],
        patch: { plannedFinish: iso(event.finish) },
      };
    case 'resize-start':
      return {
        changes: [
          { kind: 'move-task', taskId: id, start: event.start, finish },
          { kind: 'resize-task', taskId: id, duration: workingMinutes(calendar, event.start, finish) },
        ],
        patch: { plannedStart: iso(event.start), plannedFinish: iso(finish) },
      };
  }
}

function workingMinutes(calendar: WorkingCalendar, from: number, to: number): number {
  return Math.max(0, Math.round(calendar.workingMinutesBetween(from, to)));
}

/** True when the drag ended where the task already is. */
export function unchanged(event: GanttBarDragEvent, task: ScheduledTaskDto): boolean {
  return event.start === Date.parse(task.plannedStart) && event.finish === Date.parse(task.plannedFinish);
}
