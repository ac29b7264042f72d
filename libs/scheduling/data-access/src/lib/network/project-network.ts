import { CalendarSpec, WorkingCalendar } from '@worksite/scheduling-engine';
import { DependencyEntity, ProjectEntity, TaskEntity } from '@worksite/server-data-access';

/** The fields of a task the engine, a write of moves and their errors read. */
export const NETWORK_TASK_FIELDS = [
  'id',
  'projectId',
  'version',
  'title',
  'status',
  'schedulingMode',
  'constraintType',
  'constraintAt',
  'plannedStart',
  'plannedFinish',
  'startDate',
  'finishDate',
  'durationMinutes',
] as const satisfies readonly (keyof TaskEntity)[];

/** A task as the engine and a write of moves read it (whole rows are one too). */
export type NetworkTask = Pick<TaskEntity, (typeof NETWORK_TASK_FIELDS)[number]>;

/** A project as stored, with its compiled calendar: what the engine is built from. */
export interface ProjectNetwork<T extends NetworkTask = TaskEntity> {
  readonly project: ProjectEntity;
  readonly spec: CalendarSpec;
  readonly calendar: WorkingCalendar;
  /** Every task of the project, ordered by planned start. */
  readonly tasks: readonly T[];
  readonly links: readonly DependencyEntity[];
}
