import { WorkingCalendar } from '@worksite/scheduling-engine';
import { TaskStatus } from '@worksite/shared-domain';

/**
 * Status and progress a task has at `now` if work went as planned: done when it should have
 * finished, in progress (share of its working time elapsed, in steps of 5 %) when it should
 * have started, ready when it is on today's or tomorrow's plan (`readyBefore`), else planned.
 */
export function plannedStatusAt(
  task: { start: number; finish: number; duration: number },
  now: number,
  readyBefore: number,
  calendar: WorkingCalendar,
): { status: TaskStatus; progress: number } {
  if (task.finish <= now) return { status: TaskStatus.Done, progress: 100 };
  if (task.start <= now) {
    const share =
      task.duration > 0
        ? calendar.workingMinutesBetween(task.start, now) / task.duration
        : (now - task.start) / (task.finish - task.start);
    const progress = Math.min(95, Math.max(5, Math.round(share * 20) * 5));
    return { status: TaskStatus.InProgress, progress };
  }
  return {
    status: task.start < readyBefore ? TaskStatus.Ready : TaskStatus.Planned,
    progress: 0,
  };
}
