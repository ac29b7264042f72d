import { CalendarSpec, ProjectInput, SchedulingEngine, WorkingCalendar } from '@worksite/scheduling-engine';
import { EngineReading, toEngineProject } from '@worksite/scheduling-network';
import { ProjectScheduleDto } from '@worksite/shared-domain';

/**
 * The payload as engine input, by the api's own rule (@worksite/scheduling-network): the
 * browser's preview of an edit reads the plan as the api does when it re-schedules (`hold`).
 */
export function engineProjectOf(schedule: ProjectScheduleDto, reading: EngineReading): ProjectInput {
  return toEngineProject(schedule.project, schedule.tasks, schedule.dependencies, reading).input;
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
