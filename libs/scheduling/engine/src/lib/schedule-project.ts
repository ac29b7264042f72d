import { CalendarSpec } from './calendar/calendar-spec';
import { WorkingCalendar } from './calendar/working-calendar';
import { SchedulingEngine } from './engine/scheduling-engine';
import { ProjectInput } from './model/project-input';
import { Outcome } from './model/schedule-error';
import { ScheduleResult, TaskMove } from './model/schedule-result';

/**
 * Schedules a project in one go. `moved` lists the tasks whose computed dates differ from
 * the `start`/`finish` given in the input (`from` is null when the input had none), i.e.
 * what a caller must save.
 */
export function scheduleProject(
  project: ProjectInput,
  calendar: WorkingCalendar | CalendarSpec = {},
): Outcome<{ result: ScheduleResult; moved: TaskMove[] }> {
  const created = SchedulingEngine.create(project, calendar);
  if (!created.ok) return created;
  const result = created.engine.result();
  const moved: TaskMove[] = [];
  project.tasks.forEach((input, k) => {
    const task = result.tasks[k];
    const known = typeof input.start === 'number' && typeof input.finish === 'number';
    if (known && input.start === task.start && input.finish === task.finish) return;
    moved.push({
      id: task.id,
      from: known ? { start: input.start as number, finish: input.finish as number } : null,
      to: { start: task.start, finish: task.finish },
    });
  });
  return { ok: true, result, moved };
}
