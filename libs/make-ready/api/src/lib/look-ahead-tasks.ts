import { scopedQuery } from '@worksite/api-core';
import { Actor, Resource } from '@worksite/auth-access';
import { TaskEntity } from '@worksite/server-data-access';
import { TaskStatus } from '@worksite/shared-domain';
import { LookAheadTaskDto } from '@worksite/shared-make-ready';
import { EntityManager, SelectQueryBuilder } from 'typeorm';

/** Which tasks to list: a local-date window (tasks working in it), filters, all within the actor's read scope. */
export interface TaskWindow {
  projectId?: string;
  from?: string;
  to?: string;
  /** Leave out done and cancelled tasks. */
  pendingOnly?: boolean;
  /** Only tasks that have constraints. */
  withConstraints?: boolean;
  departmentId?: string;
  crewId?: string;
  /** A location and everything inside it. */
  locationId?: string;
}

const INSIDE = `e.locationId IN (WITH RECURSIVE inside AS (
    SELECT id FROM locations WHERE id = :filterLocationId
    UNION ALL SELECT l.id FROM locations l JOIN inside ON l.parent_id = inside.id
  ) SELECT id FROM inside)`;

/**
 * The tasks the actor may read in a window, by planned start, as the look-ahead lists them.
 * One query (the read scope's condition included). Parameter names stay clear of the scope's
 * own (:departmentId, :crewIds …).
 */
export async function tasksInWindow(
  manager: EntityManager,
  actor: Actor,
  window: TaskWindow,
): Promise<LookAheadTaskDto[]> {
  const rows: (Omit<LookAheadTaskDto, 'plannedStart' | 'plannedFinish'> & {
    plannedStart: Date;
    plannedFinish: Date;
  })[] = await taskWindowQuery(manager, actor, window).getRawMany();
  return rows.map((row) => ({
    ...row,
    plannedStart: row.plannedStart.toISOString(),
    plannedFinish: row.plannedFinish.toISOString(),
  }));
}

/** The query of tasksInWindow, for a statement that builds on it (the look-ahead's JSON). */
export function taskWindowQuery(
  manager: EntityManager,
  actor: Actor,
  window: TaskWindow,
): SelectQueryBuilder<TaskEntity> {
  const builder = scopedQuery(manager, TaskEntity, Resource.Task, actor)
    .select([])
    .addSelect('e.id', 'id')
    .addSelect('e.code', 'code')
    .addSelect('e.title', 'name')
    .addSelect('e.plannedStart', 'plannedStart')
    .addSelect('e.plannedFinish', 'plannedFinish')
    .addSelect('e.departmentId', 'departmentId')
    .addSelect('e.crewId', 'crewId')
    .addSelect('e.locationId', 'locationId')
    .addSelect('e.status', 'status')
    .orderBy('e.plannedStart', 'ASC')
    .addOrderBy('e.code', 'ASC');
  filtered(builder, window);
  return builder;
}

function filtered(builder: SelectQueryBuilder<TaskEntity>, w: TaskWindow): void {
  if (w.projectId) builder.andWhere('e.projectId = :filterProjectId', { filterProjectId: w.projectId });
  if (w.to) builder.andWhere('e.startDate <= :filterTo', { filterTo: w.to });
  if (w.from) builder.andWhere('e.finishDate >= :filterFrom', { filterFrom: w.from });
  if (w.pendingOnly) {
    builder.andWhere('e.status NOT IN (:...filterClosed)', { filterClosed: [TaskStatus.Done, TaskStatus.Cancelled] });
  }
  if (w.withConstraints) {
    builder.andWhere('EXISTS (SELECT 1 FROM make_ready_constraints c WHERE c.task_id = e.id)');
  }
  if (w.departmentId) {
    builder.andWhere('e.departmentId = :filterDepartmentId', { filterDepartmentId: w.departmentId });
  }
  if (w.crewId) builder.andWhere('e.crewId = :filterCrewId', { filterCrewId: w.crewId });
  if (w.locationId) builder.andWhere(INSIDE, { filterLocationId: w.locationId });
}
