import { ConstraintType, SchedulingMode } from '@worksite/shared-domain';
import { MINUTE_MS } from '../calendar/civil-date';
import { WorkingCalendar } from '../calendar/working-calendar';
import { TaskConstraint, TaskInput } from '../model/project-input';
import { ScheduleError } from '../model/schedule-error';
import { CONS_FNLT, CONS_MSO, CONS_NONE, CONS_SNET, TaskInputState } from './task-table';

const CONS_CODE: Readonly<Record<string, number>> = {
  [ConstraintType.StartNoEarlierThan]: CONS_SNET,
  [ConstraintType.FinishNoLaterThan]: CONS_FNLT,
  [ConstraintType.MustStartOn]: CONS_MSO,
};

export function invalid(id: string, field: string, message: string): ScheduleError {
  return { kind: 'invalid-value', id, field, message };
}

/** Tells an error apart from the column values it would otherwise be. */
export function isScheduleError(v: TaskInputState | ScheduleError): v is ScheduleError {
  return 'kind' in v;
}

/** Validates a duration in working minutes and returns it in ms, or an error. */
export function durationMs(id: string, minutes: number): number | ScheduleError {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    return invalid(id, 'duration', 'duration must be a finite number of working minutes >= 0');
  }
  return minutes * MINUTE_MS;
}

/** Sets the constraint columns of `state` from a constraint, or returns an error. */
export function applyConstraint(
  cal: WorkingCalendar,
  id: string,
  constraint: TaskConstraint | null | undefined,
  state: TaskInputState,
): ScheduleError | null {
  if (!constraint) {
    state.consType = CONS_NONE;
    state.consAt = 0;
    state.consPos = 0;
    return null;
  }
  const code = CONS_CODE[constraint.type];
  if (code === undefined) return invalid(id, 'constraint.type', `unknown constraint type '${constraint.type}'`);
  if (!Number.isFinite(constraint.at)) return invalid(id, 'constraint.at', 'constraint instant must be finite');
  state.consType = code;
  state.consAt = constraint.at;
  state.consPos = cal.positionAt(constraint.at);
  return null;
}

/**
 * Pins a task at `start` and `finish` (or `durMs` of working time from `start`). The pinned
 * working span becomes its duration.
 */
export function pinTask(
  cal: WorkingCalendar,
  id: string,
  start: number,
  finish: number | null | undefined,
  durMs: number,
  state: TaskInputState,
): ScheduleError | null {
  if (!Number.isFinite(start)) return invalid(id, 'start', 'start must be a finite instant');
  if (finish !== null && finish !== undefined && !(Number.isFinite(finish) && finish >= start)) {
    return invalid(id, 'finish', 'finish must be a finite instant at or after start');
  }
  state.manual = 1;
  state.pinStart = start;
  state.pinStartPos = cal.positionAt(start);
  if (finish !== null && finish !== undefined) {
    state.pinFinish = finish;
    state.pinFinishPos = cal.positionAt(finish);
  } else {
    state.pinFinishPos = state.pinStartPos + durMs;
    state.pinFinish = durMs === 0 ? start : cal.finishAtPosition(state.pinFinishPos);
  }
  state.dur = state.pinFinishPos - state.pinStartPos;
  return null;
}

/** Converts a task input into its columns, or explains what is wrong with it. */
export function taskInputState(
  cal: WorkingCalendar,
  projectStart: number,
  input: TaskInput,
): TaskInputState | ScheduleError {
  const id = input.id;
  if (typeof id !== 'string') return invalid(String(id), 'id', 'task id must be a string');
  const dur = durationMs(id, input.duration);
  if (typeof dur !== 'number') return dur;
  const mode = input.mode ?? SchedulingMode.Automatic;
  if (mode !== SchedulingMode.Automatic && mode !== SchedulingMode.Manual) {
    return invalid(id, 'mode', `unknown scheduling mode '${String(mode)}'`);
  }
  const state: TaskInputState = {
    manual: 0,
    dur,
    consType: CONS_NONE,
    consAt: 0,
    consPos: 0,
    pinStart: 0,
    pinFinish: 0,
    pinStartPos: 0,
    pinFinishPos: 0,
  };
  const consError = applyConstraint(cal, id, input.constraint, state);
  if (consError) return consError;
  if (mode === SchedulingMode.Manual) {
    const pinError = pinTask(cal, id, input.start ?? projectStart, input.finish, dur, state);
    if (pinError) return pinError;
  }
  return state;
}
