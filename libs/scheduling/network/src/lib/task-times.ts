import { ScheduledAs } from '@worksite/shared-domain';

/** The working-time operations task times need (a compiled WorkingCalendar provides them). */
export interface WorkingTime {
  nextWorkingInstant(instant: number): number;
  addWorkingMinutes(instant: number, minutes: number): number;
  workingMinutesBetween(from: number, to: number): number;
}

/** What a create, an update or a drag says about a task's times (epoch ms, working minutes). */
export interface TimesRequest {
  start: number;
  /** New finish, if the request gives one. */
  finish?: number;
  /** New duration in working minutes, if the request gives one. */
  duration?: number;
  /** Current duration (updates): kept when only the start moves. */
  currentDuration?: number;
}

export interface TaskTimes {
  start: number;
  finish: number;
  durationMinutes: number;
}

/** Why a request's times cannot be settled (the api answers 400 naming the field). */
export type TimesProblem =
  | { kind: 'finish-and-duration'; field: 'durationMinutes' }
  | { kind: 'finish-before-start'; field: 'plannedFinish' }
  | { kind: 'finish-or-duration-required'; field: 'plannedFinish' };

export type SettledTimes = { ok: true; times: TaskTimes } | { ok: false; problem: TimesProblem };

/**
 * The start, finish and working duration a task is stored with. A finish sets the duration
 * (resize), a duration sets the finish, a lone start moves the task keeping its duration.
 *
 * An automatic task follows the calendar, as the engine places it: a start at a non-working
 * time (the noon break, the night, a day off) becomes the next working minute, and the finish
 * is the instant its work is done (a window's end such as 12:00, never the following break).
 * Manual tasks and work done or in progress (pinned) keep the times they are given: a night
 * safety watch is planned at night on purpose.
 */
export function settleTaskTimes(time: WorkingTime, scheduledAs: ScheduledAs, request: TimesRequest): SettledTimes {
  const { finish, duration, currentDuration } = request;
  if (finish !== undefined && duration !== undefined) {
    return { ok: false, problem: { kind: 'finish-and-duration', field: 'durationMinutes' } };
  }
  if (finish !== undefined && finish < request.start) {
    return { ok: false, problem: { kind: 'finish-before-start', field: 'plannedFinish' } };
  }
  const follows = scheduledAs === 'automatic';
  const start = follows ? time.nextWorkingInstant(request.start) : request.start;
  if (finish !== undefined) {
    const minutes = Math.max(0, time.workingMinutesBetween(start, finish));
    return {
      ok: true,
      times: { start, finish: follows ? finishOf(time, start, minutes) : finish, durationMinutes: minutes },
    };
  }
  const minutes = duration ?? currentDuration;
  if (minutes === undefined) {
    return { ok: false, problem: { kind: 'finish-or-duration-required', field: 'plannedFinish' } };
  }
  return { ok: true, times: { start, finish: finishOf(time, start, minutes), durationMinutes: minutes } };
}

function finishOf(time: WorkingTime, start: number, minutes: number): number {
  return minutes === 0 ? start : time.addWorkingMinutes(start, minutes);
}
