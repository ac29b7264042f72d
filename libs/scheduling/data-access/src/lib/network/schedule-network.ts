import { HttpStatus } from '@nestjs/common';
import { ApiError, problem } from '@worksite/api-core';
import {
  CalendarSpecError,
  ScheduleError,
  ScheduleResult,
  ScheduledTask,
  SchedulingEngine,
} from '@worksite/scheduling-engine';
import { ScheduledAs } from '@worksite/shared-domain';
import { EngineReading, toEngineProject } from '@worksite/scheduling-network';
import { ProjectNetwork } from './project-network';

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
export function scheduleNetwork(network: ProjectNetwork, reading: EngineReading = 'plan'): ScheduledNetwork {
  const project = toEngineProject(network.project, network.tasks, network.links, reading);
  let created: ReturnType<typeof SchedulingEngine.create>;
  let result: ScheduleResult;
  try {
    created = SchedulingEngine.create(project.input, network.calendar);
    if (!created.ok) throw unschedulable(created.error, network);
    result = created.engine.result();
  } catch (error) {
    if (error instanceof CalendarSpecError) throw outsideCalendar();
    throw error;
  }
  return {
    engine: created.engine,
    result,
    byId: new Map(result.tasks.map((task) => [task.id, task])),
    scheduledAs: project.scheduledAs,
  };
}

function unschedulable(error: ScheduleError, network: ProjectNetwork): ApiError {
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
