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

/** The fields of a link the engine reads (StoredLink of scheduling-network). */
export const NETWORK_LINK_FIELDS = [
  'id',
  'predecessorId',
  'successorId',
  'type',
  'lagMinutes',
] as const satisfies readonly (keyof DependencyEntity)[];

/** A link as the engine reads it (whole rows are one too). */
export type NetworkLink = Pick<DependencyEntity, (typeof NETWORK_LINK_FIELDS)[number]>;

/** A project as stored, with its compiled calendar: what the engine is built from. */
export interface ProjectNetwork<T extends NetworkTask = TaskEntity, L extends NetworkLink = DependencyEntity> {
  readonly project: ProjectEntity;
  readonly spec: CalendarSpec;
  readonly calendar: WorkingCalendar;
  /** Every task of the project, ordered by planned start. */
  readonly tasks: readonly T[];
  readonly links: readonly L[];
}
