import { CalendarSpec, WorkingCalendar } from '@worksite/scheduling-engine';
import { DependencyEntity, ProjectEntity, TaskEntity } from '@worksite/server-data-access';

/** A project as stored, with its compiled calendar: what the engine is built from. */
export interface ProjectNetwork {
  readonly project: ProjectEntity;
  readonly spec: CalendarSpec;
  readonly calendar: WorkingCalendar;
  /** Every task of the project, ordered by planned start. */
  readonly tasks: readonly TaskEntity[];
  readonly links: readonly DependencyEntity[];
}
