import { TaskReadinessDto } from '@worksite/shared-make-ready';
import { OPEN_CONSTRAINT } from './open-constraints.sql';
import { Queryable } from './queryable';

/**
 * The readiness of tasks: for each task that has constraints, how many are open and the
 * earliest open due date (tasks absent from the answer have none: they are ready). The one
 * readiness query of the server — the api's routes and the worker's notices read it.
 */
export async function readinessOfTasks(
  db: Queryable,
  taskIds: readonly string[],
): Promise<Map<string, TaskReadinessDto>> {
  if (taskIds.length === 0) return new Map();
  const rows: { taskId: string; open: number; nextDue: string | null }[] = await db.query(
    `SELECT c.task_id AS "taskId", count(*) FILTER (WHERE ${OPEN_CONSTRAINT})::int AS open,
            to_char(min(c.due_date) FILTER (WHERE ${OPEN_CONSTRAINT}), 'YYYY-MM-DD') AS "nextDue"
       FROM make_ready_constraints c
      WHERE c.task_id = ANY($1::uuid[])
      GROUP BY c.task_id`,
    [taskIds],
  );
  return new Map(
    rows.map((row) => [
      row.taskId,
      { taskId: row.taskId, ready: row.open === 0, openConstraints: row.open, nextDue: row.nextDue },
    ]),
  );
}
