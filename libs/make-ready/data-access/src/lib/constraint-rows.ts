import { MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { Queryable } from './queryable';

/** The columns of a MakeReadyConstraintDto, with the owner's name; `c` is the constraint. */
export const CONSTRAINT_COLUMNS = `
  c.id, c.project_id AS "projectId", c.task_id AS "taskId", c.kind, c.description,
  c.owner_department_id AS "ownerDepartmentId", c.owner_user_id AS "ownerUserId",
  COALESCE(od.name, ou.display_name) AS "ownerName", to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate",
  c.status, c.cleared_at AS "clearedAt", c.cleared_by_name AS "clearedByName",
  c.announcement_id AS "announcementId", c.version, c.created_at AS "createdAt"`;

/** The joins CONSTRAINT_COLUMNS reads the owner's name from. */
export const OWNER_JOINS = `
  LEFT JOIN departments od ON od.id = c.owner_department_id
  LEFT JOIN users ou ON ou.id = c.owner_user_id`;

/** Open first, then by due date (none last), then oldest first. */
const ORDER = `c.status, c.due_date NULLS LAST, c.created_at, c.id`;

type Row = Omit<MakeReadyConstraintDto, 'clearedAt' | 'createdAt'> & { clearedAt: Date | null; createdAt: Date };

/** A row as read with CONSTRAINT_COLUMNS, as the api answers it. */
export function constraintDto(row: Row): MakeReadyConstraintDto {
  return {
    ...row,
    clearedAt: row.clearedAt ? new Date(row.clearedAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/**
 * The constraints of these tasks (open and cleared, or only the open ones), open first by due
 * date. One query, whatever the number of tasks: the look-ahead, a task's list, the notices.
 */
export async function constraintsOfTasks(
  db: Queryable,
  taskIds: readonly string[],
  options: { openOnly?: boolean } = {},
): Promise<MakeReadyConstraintDto[]> {
  if (taskIds.length === 0) return [];
  const rows: Row[] = await db.query(
    `SELECT ${CONSTRAINT_COLUMNS} FROM make_ready_constraints c ${OWNER_JOINS}
      WHERE c.task_id = ANY($1::uuid[]) ${options.openOnly ? `AND c.status = 'open'` : ''}
      ORDER BY ${ORDER}`,
    [taskIds],
  );
  return rows.map(constraintDto);
}

/** The open constraints of these tasks, by task id (tasks without any are absent). */
export async function openConstraintsByTask(
  db: Queryable,
  taskIds: readonly string[],
): Promise<Map<string, MakeReadyConstraintDto[]>> {
  return groupByTask(await constraintsOfTasks(db, taskIds, { openOnly: true }));
}

/** Constraints by their task id, keeping their order. */
export function groupByTask(constraints: readonly MakeReadyConstraintDto[]): Map<string, MakeReadyConstraintDto[]> {
  const byTask = new Map<string, MakeReadyConstraintDto[]>();
  for (const constraint of constraints) {
    const list = byTask.get(constraint.taskId);
    if (list) list.push(constraint);
    else byTask.set(constraint.taskId, [constraint]);
  }
  return byTask;
}

/** One constraint, or null. */
export async function constraintById(db: Queryable, id: string): Promise<MakeReadyConstraintDto | null> {
  const [row]: Row[] = await db.query(
    `SELECT ${CONSTRAINT_COLUMNS} FROM make_ready_constraints c ${OWNER_JOINS} WHERE c.id = $1`,
    [id],
  );
  return row ? constraintDto(row) : null;
}
