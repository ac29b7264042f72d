import { MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { CONSTRAINT_ORDER, DUE_DATE, OPEN_CONSTRAINT, OWNER_JOINS, OWNER_NAME } from './open-constraints.sql';
import { Queryable } from './queryable';

/** An instant as the api writes it (JavaScript's toISOString: UTC, milliseconds, Z). */
export const isoSql = (expression: string) =>
  `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A constraint as MakeReadyConstraintDto, built by PostgreSQL (`c` the constraint, with
 * OWNER_JOINS for the owner's name): the one mapping of every read, so that the look-ahead can
 * be written as JSON text by the database without a pass through objects.
 */
export const CONSTRAINT_JSON = `json_build_object(
  'id', c.id, 'projectId', c.project_id, 'taskId', c.task_id, 'kind', c.kind, 'description', c.description,
  'ownerDepartmentId', c.owner_department_id, 'ownerUserId', c.owner_user_id,
  'ownerName', ${OWNER_NAME}, 'dueDate', ${DUE_DATE},
  'status', c.status, 'clearedAt', ${isoSql('c.cleared_at')}, 'clearedByName', c.cleared_by_name,
  'announcementId', c.announcement_id, 'version', c.version, 'createdAt', ${isoSql('c.created_at')})`;

/**
 * The constraints of these tasks (open and cleared, or only the open ones), open first by due
 * date. One query, whatever the number of tasks: a task's list, the notices.
 */
export async function constraintsOfTasks(
  db: Queryable,
  taskIds: readonly string[],
  options: { openOnly?: boolean } = {},
): Promise<MakeReadyConstraintDto[]> {
  if (taskIds.length === 0) return [];
  const rows: { dto: MakeReadyConstraintDto }[] = await db.query(
    `SELECT ${CONSTRAINT_JSON} AS dto FROM make_ready_constraints c ${OWNER_JOINS}
      WHERE c.task_id = ANY($1::uuid[]) ${options.openOnly ? `AND ${OPEN_CONSTRAINT}` : ''}
      ORDER BY ${CONSTRAINT_ORDER}`,
    [taskIds],
  );
  return rows.map((row) => row.dto);
}

/** The open constraints of these tasks, by task id (tasks without any are absent). */
export async function openConstraintsByTask(
  db: Queryable,
  taskIds: readonly string[],
): Promise<Map<string, MakeReadyConstraintDto[]>> {
  const byTask = new Map<string, MakeReadyConstraintDto[]>();
  for (const constraint of await constraintsOfTasks(db, taskIds, { openOnly: true })) {
    byTask.set(constraint.taskId, [...(byTask.get(constraint.taskId) ?? []), constraint]);
  }
  return byTask;
}

/** One constraint, or null. */
export async function constraintById(db: Queryable, id: string): Promise<MakeReadyConstraintDto | null> {
  const [row]: { dto: MakeReadyConstraintDto }[] = await db.query(
    `SELECT ${CONSTRAINT_JSON} AS dto FROM make_ready_constraints c ${OWNER_JOINS} WHERE c.id = $1`,
    [id],
  );
  return row?.dto ?? null;
}
