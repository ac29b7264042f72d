import {
  CalendarSpec,
  LinkInput,
  ProjectInput,
  SchedulingEngine,
  TaskConstraint,
  TaskInput,
  WorkingCalendar,
} from '@worksite/scheduling-engine';
import {
  ConstraintType,
  DependencyType,
  ProjectScheduleDto,
  ScheduledAs,
  ScheduledTaskDto,
  SchedulingMode,
  TaskStatus,
} from '@worksite/shared-domain';
import { instantOf } from '@worksite/shared-util-time';

/** How a task enters the engine (the API's rule, see ScheduledTaskDto.scheduledAs). */
export type TaskScheduling = ScheduledAs;

/**
 * The API's rule: cancelled tasks are left out; manual tasks and work done or in progress
 * are pinned at their planned dates; the rest follow their links. The payload's own
 * `scheduledAs` wins when the API sends it.
 */
export function schedulingOf(task: ScheduledTaskDto): TaskScheduling {
  if (task.scheduledAs) return task.scheduledAs;
  if (task.status === TaskStatus.Cancelled) return 'excluded';
  if (task.schedulingMode === SchedulingMode.Manual) return 'manual';
  return task.status === TaskStatus.Done || task.status === TaskStatus.InProgress ? 'manual' : 'automatic';
}

/**
 * How the stored plan is read: `plan` as stored (the schedule proper); `hold` as the API
 * re-schedules after an edit: automatic tasks held no earlier than their planned start, so an
 * edit only ever pushes work later. Previews of a drag use `hold`, so they show exactly what
 * the API will do when the edit is saved.
 */
export type EngineReading = 'plan' | 'hold';

function constraintOf(task: ScheduledTaskDto): TaskConstraint | null {
  if (!task.constraintType || !task.constraintAt) return null;
  return { type: task.constraintType as ConstraintType, at: Date.parse(task.constraintAt) };
}

function held(constraint: TaskConstraint | null, plannedStart: number): TaskConstraint {
  if (constraint?.type === ConstraintType.MustStartOn) return constraint;
  const at =
    constraint?.type === ConstraintType.StartNoEarlierThan ? Math.max(constraint.at, plannedStart) : plannedStart;
  return { type: ConstraintType.StartNoEarlierThan, at };
}

export function engineTaskOf(task: ScheduledTaskDto, reading: EngineReading): TaskInput | null {
  const as = schedulingOf(task);
  if (as === 'excluded') return null;
  const start = Date.parse(task.plannedStart);
  const constraint = constraintOf(task);
  return {
    id: task.id,
    duration: task.durationMinutes,
    mode: as === 'manual' ? SchedulingMode.Manual : SchedulingMode.Automatic,
    constraint: as === 'automatic' && reading === 'hold' ? held(constraint, start) : constraint,
    start,
    finish: Date.parse(task.plannedFinish),
  };
}

/** The payload as engine input: the project start is local midnight of its start date. */
export function engineProjectOf(schedule: ProjectScheduleDto, reading: EngineReading): ProjectInput {
  const tasks: TaskInput[] = [];
  const included = new Set<string>();
  for (const task of schedule.tasks) {
    const input = engineTaskOf(task, reading);
    if (!input) continue;
    tasks.push(input);
    included.add(task.id);
  }
  const links: LinkInput[] = [];
  for (const d of schedule.dependencies) {
    // The payload may hold links to tasks the user cannot see; the engine only gets whole links.
    if (!included.has(d.predecessorId) || !included.has(d.successorId)) continue;
    links.push({
      id: d.id,
      predecessorId: d.predecessorId,
      successorId: d.successorId,
      type: d.type as DependencyType,
      lag: d.lagMinutes,
    });
  }
  const { startDate, timeZone } = schedule.project;
  return { start: instantOf(startDate, '00:00', timeZone).getTime(), tasks, links };
}

export function calendarSpecOf(schedule: ProjectScheduleDto): CalendarSpec {
  const { timeZone, weekly, holidays, makeUpWorkdays, blackouts } = schedule.calendar;
  return { timeZone, weekly, holidays, makeUpWorkdays, blackouts } as CalendarSpec;
}

/** A scheduling engine over the payload, or the engine's error (e.g. a cycle). */
export function createEngine(
  schedule: ProjectScheduleDto,
  reading: EngineReading,
  calendar: WorkingCalendar = WorkingCalendar.compile(calendarSpecOf(schedule)),
): SchedulingEngine {
  const created = SchedulingEngine.create(engineProjectOf(schedule, reading), calendar);
  if (!created.ok) throw new Error(`the schedule cannot be loaded into the engine: ${created.error.kind}`);
  return created.engine;
}
