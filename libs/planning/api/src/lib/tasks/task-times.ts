import { ApiError } from '@worksite/api-core';

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
    throw ApiError.badRequest('Give plannedFinish or durationMinutes, not both', [
      {
        field: 'durationMinutes',
        messages: ['must not be given together with plannedFinish'],
      },
    ]);
  }
  if (finish !== undefined) {
    if (finish < start) {
      throw ApiError.badRequest('A task cannot finish before it starts', [
        {
          field: 'plannedFinish',
          messages: ['must not be before plannedStart'],
        },
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
    throw ApiError.badRequest('Give plannedFinish or durationMinutes', [
      {
        field: 'plannedFinish',
        messages: ['plannedFinish or durationMinutes is required'],
      },
    ]);
  }
  return {
    start,
    finish: minutes === 0 ? start : time.addWorkingMinutes(start, minutes),
    durationMinutes: minutes,
  };
}
