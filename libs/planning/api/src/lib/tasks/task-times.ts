import { ApiError, problem } from '@worksite/api-core';

/** The working-time operations task times need (a compiled project calendar provides them). */
export interface WorkingTime {
  addWorkingMinutes(instant: number, minutes: number): number;
  workingMinutesBetween(from: number, to: number): number;
}

export interface TaskTimesInput {
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

/**
 * Settles start, finish and working duration from what a request gives: a finish sets the
 * duration (resize), a duration sets the finish, a lone start moves the task keeping its duration.
 */
export function resolveTaskTimes(time: WorkingTime, input: TaskTimesInput): TaskTimes {
  const { start, finish, duration, currentDuration } = input;
  if (finish !== undefined && duration !== undefined) {
    throw ApiError.badRequest('task_finish_and_duration', [
      problem('durationMinutes', 'notTogetherWith', { other: 'plannedFinish' }),
    ]);
  }
  if (finish !== undefined) {
    if (finish < start) {
      throw ApiError.badRequest('task_finish_before_start', [
        problem('plannedFinish', 'notBefore', { other: 'plannedStart' }),
      ]);
    }
    return {
      start,
      finish,
      durationMinutes: time.workingMinutesBetween(start, finish),
    };
  }
  const minutes = duration ?? currentDuration;
  if (minutes === undefined) {
    throw ApiError.badRequest('task_finish_or_duration_missing', [
      problem('plannedFinish', 'oneOfRequired', { fields: ['plannedFinish', 'durationMinutes'] }),
    ]);
  }
  return {
    start,
    finish: minutes === 0 ? start : time.addWorkingMinutes(start, minutes),
    durationMinutes: minutes,
  };
}
