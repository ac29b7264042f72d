import { SchedulingMode } from '@worksite/shared-domain';
import { MINUTE_MS } from '../calendar/civil-date';
import { LinkInput, TaskInput } from '../model/project-input';
import { ScheduleChange } from '../model/schedule-change';
import { ScheduleError } from '../model/schedule-error';
import { EngineCore } from './engine-core';
import { EngineState } from './engine-state';
import { linkKindOf } from './link-table';
import { applyConstraint, durationMs, invalid, isScheduleError, pinTask, taskInputState } from './task-inputs';
import { CONS_SNET, readTaskInputs } from './task-table';

/** Applies one change through the core's primitives; returns an error and changes nothing if invalid. */
export function applyChange(core: EngineCore, change: ScheduleChange): ScheduleError | null {
  const s = core.state;
  switch (change.kind) {
    case 'add-task':
      return addTask(core, change.task);
    case 'update-task':
      return updateTask(core, change.task);
    case 'add-link':
      return addLink(core, change.link);
    case 'remove-link': {
      const l = s.links.index.get(change.linkId);
      if (l === undefined) return { kind: 'unknown-link', linkId: change.linkId };
      core.removeLink(l);
      return null;
    }
    case 'update-link':
      return updateLink(core, change.linkId, change.type, change.lag);
    default:
      break;
  }
  const i = s.tasks.index.get(change.taskId);
  if (i === undefined) return { kind: 'unknown-task', taskId: change.taskId };
  switch (change.kind) {
    case 'remove-task':
      core.removeTask(i);
      return null;
    case 'move-task':
      return moveTask(core, i, change.start, change.finish);
    case 'resize-task':
      return resizeTask(core, i, change.duration);
    case 'set-mode':
      return setMode(core, i, change.mode, change.start, change.finish);
    case 'set-constraint': {
      const next = readTaskInputs(s.tasks, i);
      const error = applyConstraint(s.calendar, change.taskId, change.constraint, next);
      if (error) return error;
      core.setTaskInputs(i, next);
      return null;
    }
  }
}

function addTask(core: EngineCore, task: TaskInput): ScheduleError | null {
  const s = core.state;
  if (s.tasks.index.has(task.id)) return { kind: 'duplicate-id', entity: 'task', id: task.id };
  const inputs = taskInputState(s.calendar, s.projectStart, task);
  if (isScheduleError(inputs)) return inputs;
  core.addTask(task.id, inputs);
  return null;
}

function updateTask(core: EngineCore, task: TaskInput): ScheduleError | null {
  const s = core.state;
  const i = s.tasks.index.get(task.id);
  if (i === undefined) return { kind: 'unknown-task', taskId: task.id };
  const inputs = taskInputState(s.calendar, s.projectStart, task);
  if (isScheduleError(inputs)) return inputs;
  core.setTaskInputs(i, inputs);
  return null;
}

function addLink(core: EngineCore, link: LinkInput): ScheduleError | null {
  const s = core.state;
  if (s.links.index.has(link.id)) return { kind: 'duplicate-id', entity: 'link', id: link.id };
  const from = s.tasks.index.get(link.predecessorId);
  if (from === undefined) return { kind: 'unknown-task', taskId: link.predecessorId, linkId: link.id };
  const to = s.tasks.index.get(link.successorId);
  if (to === undefined) return { kind: 'unknown-task', taskId: link.successorId, linkId: link.id };
  const kind = linkKindOf(link.type);
  if (kind < 0) return invalid(link.id, 'type', `unknown dependency type '${String(link.type)}'`);
  const lag = link.lag ?? 0;
  if (!Number.isFinite(lag)) return invalid(link.id, 'lag', 'lag must be a finite number of working minutes');
  return core.addLink(link.id, from, to, kind, lag * MINUTE_MS);
}

function updateLink(
  core: EngineCore,
  linkId: string,
  type: LinkInput['type'],
  lag: number | undefined,
): ScheduleError | null {
  const links = core.state.links;
  const l = links.index.get(linkId);
  if (l === undefined) return { kind: 'unknown-link', linkId };
  const kind = type === undefined ? links.kind[l] : linkKindOf(type);
  if (kind < 0) return invalid(linkId, 'type', `unknown dependency type '${String(type)}'`);
  if (lag !== undefined && !Number.isFinite(lag))
    return invalid(linkId, 'lag', 'lag must be a finite number of working minutes');
  core.updateLink(l, kind, lag === undefined ? links.lag[l] : lag * MINUTE_MS);
  return null;
}

function moveTask(core: EngineCore, i: number, start: number, finish: number | null | undefined): ScheduleError | null {
  const s = core.state;
  const id = s.tasks.ids[i];
  if (!Number.isFinite(start)) return invalid(id, 'start', 'start must be a finite instant');
  const next = readTaskInputs(s.tasks, i);
  if (next.manual) {
    const error = pinTask(s.calendar, id, start, finish, next.dur, next);
    if (error) return error;
  } else {
    next.consType = CONS_SNET;
    next.consAt = start;
    next.consPos = s.calendar.positionAt(start);
  }
  core.setTaskInputs(i, next);
  return null;
}

function resizeTask(core: EngineCore, i: number, minutes: number): ScheduleError | null {
  const s = core.state;
  const id = s.tasks.ids[i];
  const dur = durationMs(id, minutes);
  if (typeof dur !== 'number') return dur;
  const next = readTaskInputs(s.tasks, i);
  if (next.manual) {
    const error = pinTask(s.calendar, id, next.pinStart, null, dur, next);
    if (error) return error;
  } else {
    next.dur = dur;
  }
  core.setTaskInputs(i, next);
  return null;
}

function setMode(
  core: EngineCore,
  i: number,
  mode: SchedulingMode,
  start: number | null | undefined,
  finish: number | null | undefined,
): ScheduleError | null {
  const s: EngineState = core.state;
  const id = s.tasks.ids[i];
  const next = readTaskInputs(s.tasks, i);
  if (mode === SchedulingMode.Manual) {
    const pinStart = start ?? s.startOf(i);
    const pinFinish = finish ?? (start === null || start === undefined ? s.finishOf(i) : null);
    const error = pinTask(s.calendar, id, pinStart, pinFinish, s.tasks.ef[i] - s.tasks.es[i], next);
    if (error) return error;
  } else if (mode === SchedulingMode.Automatic) {
    next.manual = 0;
    next.dur = s.tasks.ef[i] - s.tasks.es[i];
  } else {
    return invalid(id, 'mode', `unknown scheduling mode '${String(mode)}'`);
  }
  core.setTaskInputs(i, next);
  return null;
}
