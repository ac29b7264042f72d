import {
  CalendarSpec,
  DEFAULT_WORKING_WINDOWS,
  IsoWeekday,
  ScheduledTask,
  TaskMove,
  TimeSpan,
  Violation,
} from '@worksite/scheduling-engine';
import { DependencyEntity, ProjectEntity, TaskEntity } from '@worksite/server-data-access';
import {
  CalendarSpecDto,
  DependencyDto,
  ProjectDto,
  ScheduledAs,
  ScheduledTaskDto,
  ScheduleViolationDto,
  TaskDto,
  TaskMoveDto,
} from '@worksite/shared-domain';
import { ScheduledTaskSource, TASK_INSTANT_FIELDS } from '@worksite/schedule-wire';

/** An instant (epoch ms or Date) as the API writes it: ISO 8601 in UTC. */
export function iso(instant: number | Date): string {
  return new Date(instant).toISOString();
}

export function projectDto(project: ProjectEntity): ProjectDto {
  return {
    id: project.id,
    version: project.version,
    code: project.code,
    name: project.name,
    description: project.description,
    timeZone: project.timeZone,
    calendarId: project.calendarId,
    startDate: project.startDate,
    endDate: project.endDate,
    coordinatorName: project.coordinatorName,
    coordinatorPhone: project.coordinatorPhone,
    notReadyPolicy: project.notReadyPolicy,
    createdAt: iso(project.createdAt),
    updatedAt: iso(project.updatedAt),
  };
}

/** A task's fields as the API writes them, instants still epoch ms (null kept). */
function taskFields(task: TaskEntity) {
  return {
    id: task.id,
    version: task.version,
    projectId: task.projectId,
    code: task.code,
    title: task.title,
    content: task.content,
    departmentId: task.departmentId,
    crewId: task.crewId,
    locationId: task.locationId,
    plannedStart: task.plannedStart.getTime(),
    plannedFinish: task.plannedFinish.getTime(),
    startDate: task.startDate,
    finishDate: task.finishDate,
    durationMinutes: task.durationMinutes,
    materials: task.materials,
    tools: task.tools,
    safetyNotes: task.safetyNotes,
    status: task.status,
    progress: task.progress,
    schedulingMode: task.schedulingMode,
    constraintType: task.constraintType,
    constraintAt: msOrNull(task.constraintAt),
    needsUtilities: task.needsUtilities,
    interruptionKind: task.interruptionKind,
    interruptionStartsAt: msOrNull(task.interruptionStartsAt),
    interruptionEndsAt: msOrNull(task.interruptionEndsAt),
    interruptionLocationIds: task.interruptionLocationIds,
    createdAt: task.createdAt.getTime(),
    updatedAt: task.updatedAt.getTime(),
  };
}

const msOrNull = (instant: Date | null): number | null => (instant ? instant.getTime() : null);

/** A row with the instants of a (scheduled) task given as epoch ms, with ISO strings instead. */
export function withIsoInstants<T extends object>(row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const field of TASK_INSTANT_FIELDS) {
    const value = out[field];
    if (typeof value === 'number') out[field] = iso(value);
  }
  return out as T;
}

export function taskDto(task: TaskEntity): TaskDto {
  return withIsoInstants(taskFields(task)) as unknown as TaskDto;
}

export function dependencyDto(link: DependencyEntity): DependencyDto {
  return {
    id: link.id,
    version: link.version,
    projectId: link.projectId,
    predecessorId: link.predecessorId,
    successorId: link.successorId,
    type: link.type,
    lagMinutes: link.lagMinutes,
  };
}

/**
 * A calendar spec as plain JSON that `WorkingCalendar.compile` reads back unchanged: weekly
 * windows written out (also when the spec relies on the default week), make-up days as dates
 * (they work Monday's windows; the database stores no windows of their own).
 */
export function calendarSpecDto(spec: CalendarSpec): CalendarSpecDto {
  const weekly: CalendarSpecDto['weekly'] = {};
  for (let day = 1; day <= 7; day++) {
    const windows = spec.weekly ? spec.weekly[day as IsoWeekday] : day <= 5 ? DEFAULT_WORKING_WINDOWS : undefined;
    if (windows?.length) weekly[day] = windows.map((w) => ({ start: w.start, end: w.end }));
  }
  return {
    timeZone: spec.timeZone ?? 'Asia/Shanghai',
    weekly,
    holidays: [...(spec.holidays ?? [])],
    makeUpWorkdays: (spec.makeUpWorkdays ?? []).map((day) => (typeof day === 'string' ? day : day.date)),
    blackouts: (spec.blackouts ?? []).map((b) => ({ start: b.start, end: b.end, label: b.label })),
  };
}

/**
 * A task with its computed dates, instants as epoch ms (what the compact schedule is encoded
 * from, without formatting 100,000 dates). A task left out of the network (cancelled) shows
 * its planned dates as early and late dates, no float, not critical.
 */
export function scheduledTaskSource(
  task: TaskEntity,
  scheduled: ScheduledTask | undefined,
  scheduledAs: ScheduledAs,
): ScheduledTaskSource {
  // Added one by one to the fields' object: a spread into a new literal of 37 properties cost
  // about 9 µs per task (a tenth of a second per 10,000-task schedule), this a fraction of it.
  const row = taskFields(task) as Record<string, unknown>;
  const planned = row as { plannedStart: number; plannedFinish: number };
  row['earlyStart'] = scheduled ? scheduled.start : planned.plannedStart;
  row['earlyFinish'] = scheduled ? scheduled.finish : planned.plannedFinish;
  row['lateStart'] = scheduled ? scheduled.lateStart : planned.plannedStart;
  row['lateFinish'] = scheduled ? scheduled.lateFinish : planned.plannedFinish;
  row['totalFloatMinutes'] = scheduled ? scheduled.totalFloat : 0;
  row['freeFloatMinutes'] = scheduled ? scheduled.freeFloat : 0;
  row['critical'] = scheduled ? scheduled.critical : false;
  row['scheduledAs'] = scheduled ? scheduledAs : 'excluded';
  return row as unknown as ScheduledTaskSource;
}

/** The tasks and sources of an earlier schedule, to take unchanged sources from. */
export interface EarlierSources {
  readonly tasks: readonly TaskEntity[];
  readonly sources: readonly ScheduledTaskSource[];
}

/**
 * scheduledTaskSource for every task; a task whose row is the one an earlier schedule had
 * (unchanged rows are kept across reads) and whose computed dates are the same keeps that
 * schedule's source (after an edit, most of a 10,000-task project).
 */
export function scheduledTaskSources(
  tasks: readonly TaskEntity[],
  byId: ReadonlyMap<string, ScheduledTask>,
  scheduledAs: ReadonlyMap<string, ScheduledAs>,
  earlier?: EarlierSources,
): ScheduledTaskSource[] {
  const kept = new Map<TaskEntity, ScheduledTaskSource>();
  if (earlier) earlier.tasks.forEach((task, i) => kept.set(task, earlier.sources[i]));
  return tasks.map((task) => {
    const scheduled = byId.get(task.id);
    const as = scheduledAs.get(task.id) ?? 'excluded';
    const source = kept.get(task);
    return source && sameSchedule(source, scheduled, as) ? source : scheduledTaskSource(task, scheduled, as);
  });
}

function sameSchedule(source: ScheduledTaskSource, scheduled: ScheduledTask | undefined, as: ScheduledAs): boolean {
  if (!scheduled) return source.scheduledAs === 'excluded';
  return (
    source.scheduledAs === as &&
    source.earlyStart === scheduled.start &&
    source.earlyFinish === scheduled.finish &&
    source.lateStart === scheduled.lateStart &&
    source.lateFinish === scheduled.lateFinish &&
    source.totalFloatMinutes === scheduled.totalFloat &&
    source.freeFloatMinutes === scheduled.freeFloat &&
    source.critical === scheduled.critical
  );
}

/** A task with its computed dates, as the API writes it (ISO instants). */
export function scheduledTaskDto(
  task: TaskEntity,
  scheduled: ScheduledTask | undefined,
  scheduledAs: ScheduledAs,
): ScheduledTaskDto {
  return withIsoInstants(scheduledTaskSource(task, scheduled, scheduledAs)) as unknown as ScheduledTaskDto;
}

/** A violation with a sentence for people and the numbers for the web app to translate. */
export function violationDto(violation: Violation): ScheduleViolationDto {
  const common = {
    taskId: violation.taskId,
    kind: violation.kind,
    actual: iso(violation.actual),
    required: iso(violation.required),
    byMinutes: violation.byMinutes,
  };
  if (violation.kind === 'dependency') {
    return {
      ...common,
      message:
        `Breaks its ${violation.type} dependency (lag ${violation.lag} min) by ${violation.byMinutes} ` +
        'working minutes: it is pinned before its predecessor allows.',
      dependencyId: violation.linkId,
      predecessorId: violation.predecessorId,
    };
  }
  return {
    ...common,
    message: `Misses its ${violation.constraint.type} constraint by ${violation.byMinutes} working minutes.`,
    constraintType: violation.constraint.type,
  };
}

const spanDto = (span: TimeSpan | null) => (span ? { start: iso(span.start), finish: iso(span.finish) } : null);

/** A move as the API reports it, with the task's title. */
export function taskMoveDto(move: TaskMove, title: string): TaskMoveDto {
  return { taskId: move.id, title, from: spanDto(move.from), to: spanDto(move.to) };
}
