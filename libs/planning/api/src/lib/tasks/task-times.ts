import { ApiError, problem } from '@worksite/api-core';
import { settleTaskTimes, TaskTimes, TimesProblem, TimesRequest, WorkingTime } from '@worksite/scheduling-network';
import { ScheduledAs } from '@worksite/shared-domain';

export type { TaskTimes, WorkingTime } from '@worksite/scheduling-network';

/**
 * Settles start, finish and working duration from what a request gives (a finish sets the
 * duration, a duration sets the finish, a lone start keeps the duration), by the rule the web
 * app's drags use too: an automatic task's start at a non-working time snaps to the next
 * working minute. A request that cannot be settled is a 400 naming the field.
 */
export function resolveTaskTimes(time: WorkingTime, scheduledAs: ScheduledAs, input: TimesRequest): TaskTimes {
  const settled = settleTaskTimes(time, scheduledAs, input);
  if (!settled.ok) throw refusal(settled.problem);
  return settled.times;
}

function refusal(times: TimesProblem): ApiError {
  switch (times.kind) {
    case 'finish-and-duration':
      return ApiError.badRequest('task_finish_and_duration', [
        problem('durationMinutes', 'notTogetherWith', { other: 'plannedFinish' }),
      ]);
    case 'finish-before-start':
      return ApiError.badRequest('task_finish_before_start', [
        problem('plannedFinish', 'notBefore', { other: 'plannedStart' }),
      ]);
    case 'finish-or-duration-required':
      return ApiError.badRequest('task_finish_or_duration_missing', [
        problem('plannedFinish', 'oneOfRequired', { fields: ['plannedFinish', 'durationMinutes'] }),
      ]);
  }
}
