import { slipInWorkingDays, workingDayMinutes, WorkingCalendar } from '@worksite/scheduling-engine';
import { BaselineDifferenceDto } from '@worksite/shared-domain';

/** A task's dates on one side of a comparison. */
export interface PlannedDates {
  taskId: string;
  title: string;
  plannedStart: Date;
  plannedFinish: Date;
  durationMinutes: number;
}

const side = (task: PlannedDates | undefined) =>
  task
    ? {
        plannedStart: task.plannedStart.toISOString(),
        plannedFinish: task.plannedFinish.toISOString(),
        durationMinutes: task.durationMinutes,
      }
    : null;

/**
 * The tasks whose planned dates differ between two sides (a baseline and another, or the
 * current plan), with the slip of start and finish in working days of the project calendar;
 * a task on one side only is listed without slip. Largest finish slip first, then by title.
 */
export function compareDates(
  before: readonly PlannedDates[],
  after: readonly PlannedDates[],
  calendar: WorkingCalendar,
): { items: BaselineDifferenceDto[]; unchanged: number } {
  const dayMinutes = workingDayMinutes(calendar);
  const slip = (from: Date, to: Date) => slipInWorkingDays(calendar, from.getTime(), to.getTime(), dayMinutes);
  const earlier = new Map(before.map((task) => [task.taskId, task]));
  const later = new Map(after.map((task) => [task.taskId, task]));
  const items: BaselineDifferenceDto[] = [];
  let unchanged = 0;
  for (const taskId of new Set([...earlier.keys(), ...later.keys()])) {
    const a = earlier.get(taskId);
    const b = later.get(taskId);
    if (
      a &&
      b &&
      a.plannedStart.getTime() === b.plannedStart.getTime() &&
      a.plannedFinish.getTime() === b.plannedFinish.getTime()
    ) {
      unchanged++;
      continue;
    }
    items.push({
      taskId,
      title: (b ?? a)?.title ?? taskId,
      before: side(a),
      after: side(b),
      startSlipDays: a && b ? slip(a.plannedStart, b.plannedStart) : null,
      finishSlipDays: a && b ? slip(a.plannedFinish, b.plannedFinish) : null,
    });
  }
  items.sort(
    (x, y) =>
      (y.finishSlipDays ?? -Infinity) - (x.finishSlipDays ?? -Infinity) ||
      (x.title < y.title ? -1 : x.title > y.title ? 1 : 0),
  );
  return { items, unchanged };
}
