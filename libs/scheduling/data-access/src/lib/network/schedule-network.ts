import { HttpStatus } from '@nestjs/common';
import { ApiError, problem } from '@worksite/api-core';
import {
  CalendarSpecError,
  ScheduleError,
  ScheduleResult,
  ScheduledTask,
  SchedulingEngine,
  TimeSpan,
} from '@worksite/scheduling-engine';
import { ScheduledAs } from '@worksite/shared-domain';
import { EngineReading, engineChanges, scheduledAsOf, toEngineProject } from '@worksite/scheduling-network';
import { NetworkLink, NetworkTask, ProjectNetwork } from './project-network';

/** A project run through the engine. */
export interface ScheduledNetwork {
  readonly engine: SchedulingEngine;
  readonly result: ScheduleResult;
  readonly byId: ReadonlyMap<string, ScheduledTask>;
  readonly scheduledAs: ReadonlyMap<string, ScheduledAs>;
}

/**
 * Builds the engine over a whole project and computes its schedule. A project the engine
 * cannot schedule (a cycle, an invalid value, dates outside what the calendar covers) is a
 * 422 naming the tasks, never a 500.
 */
export function scheduleNetwork(
  network: ProjectNetwork<NetworkTask, NetworkLink>,
  reading: EngineReading = 'plan',
): ScheduledNetwork {
  const { engine, scheduledAs } = engineOver(network, reading);
  const result = outsideCalendarAs422(() => engine.result());
  return { engine, result, byId: new Map(result.tasks.map((task) => [task.id, task])), scheduledAs };
}

/**
 * The engine's dates of a project's tasks, without the rest of a schedule (late dates, floats,
 * links, violations): what a push compares with the stored dates. The backward pass and the
 * result's objects were most of the engine's time in a PATCH.
 */
export function scheduledSpans(
  network: ProjectNetwork<NetworkTask, NetworkLink>,
  reading: EngineReading = 'plan',
): { spanOf: (taskId: string) => TimeSpan | undefined; scheduledAs: ReadonlyMap<string, ScheduledAs> } {
  const { engine, scheduledAs } = engineOver(network, reading);
  return { spanOf: (taskId) => engine.span(taskId), scheduledAs };
}

/** The engine built over a project (its forward pass done), or the 4xx of why it cannot be. */
function engineOver(
  network: ProjectNetwork<NetworkTask, NetworkLink>,
  reading: EngineReading,
): { engine: SchedulingEngine; scheduledAs: ReadonlyMap<string, ScheduledAs> } {
  const project = toEngineProject(network.project, network.tasks, network.links, reading);
  const created = outsideCalendarAs422(() => SchedulingEngine.create(project.input, network.calendar));
  if (!created.ok) throw unschedulable(created.error, network);
  return { engine: created.engine, scheduledAs: project.scheduledAs };
}

function outsideCalendarAs422<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CalendarSpecError) throw outsideCalendar();
    throw error;
  }
}

/**
 * `after`, a later read of the project `before` was scheduled from (same project row and
 * calendar), scheduled by editing `earlier`'s engine instead of building one: only the tasks
 * whose input changed and what they reach are computed again (an edit in a 10,000-task
 * project). Null when the engine has to be built again (tasks added, removed, cancelled or
 * taken back in, most of the project changed, or an edit the engine refuses); `earlier`'s
 * engine is then as it was. Otherwise that engine now belongs to the result: `earlier` keeps
 * its result but must not be advanced again.
 */
export function advancedSchedule(
  earlier: ScheduledNetwork,
  before: ProjectNetwork,
  after: ProjectNetwork,
): ScheduledNetwork | null {
  if (before.project !== after.project || before.calendar !== after.calendar) return null;
  const changes = engineChanges(before, after, 'plan');
  if (!changes) return null;
  if (changes.length > 0 && !earlier.engine.apply(changes).ok) return null;
  const result = changes.length > 0 ? earlier.engine.result() : earlier.result;
  return {
    engine: earlier.engine,
    result,
    byId: changes.length > 0 ? new Map(result.tasks.map((task) => [task.id, task])) : earlier.byId,
    scheduledAs: new Map(after.tasks.map((task) => [task.id, scheduledAsOf(task)])),
  };
}

function unschedulable(error: ScheduleError, network: ProjectNetwork<NetworkTask, NetworkLink>): ApiError {
  const title = (id: string) => network.tasks.find((task) => task.id === id)?.title ?? id;
  switch (error.kind) {
    case 'cycle':
      return new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'dependency_cycle',
        { key: 'dependency_cycle', params: { path: [...error.taskIds, error.taskIds[0]].map(title).join(' → ') } },
        { cycle: error.taskIds.map((id) => ({ id, title: title(id) })) },
      );
    case 'invalid-value':
      return new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'schedule_invalid',
        { key: 'schedule_invalid_value', params: { title: title(error.id), field: error.field } },
        { taskId: error.id, problems: [problem(error.field, 'invalidValue', { field: error.field })] },
      );
    default:
      // Unknown or duplicate ids: the rows changed while they were read; a retry reads them again.
      return new ApiError(HttpStatus.CONFLICT, 'schedule_conflict', 'schedule_changed_meanwhile', { error });
  }
}

function outsideCalendar(): ApiError {
  return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'schedule_invalid', 'schedule_outside_calendar');
}
