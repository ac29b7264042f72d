import { CONSTRAINT_JSON } from './constraint-rows';
import { LOOK_AHEAD_TASK_JSON, TaskQuery } from './look-ahead-rows';
import { OPEN_CONSTRAINT, OWNER_JOINS } from './open-constraints.sql';
import { Queryable } from './queryable';

/**
 * "What blocks my tasks" as JSON text written by PostgreSQL (AgencyBlocksDto's rows): each open
 * constraint on a task of the query or on a task upstream of one (its predecessors, transitively),
 * once, with the task it sits on and the tasks of the query it holds back (by planned start).
 * Rows go by the first task held back, then by due date. The walk does not pass through done or
 * cancelled tasks (done work waits for nothing; a cancelled task holds nobody up). One recursive
 * statement; each step looks up the predecessors of the tasks reached through the successor index
 * (OFFSET 0 keeps it a per-row lookup, where the planner would otherwise scan every link of the
 * database at every step).
 */
export async function agencyBlockRows(db: Queryable, tasks: TaskQuery): Promise<string> {
  const [row]: { rows: string }[] = await db.query(
    `WITH RECURSIVE t AS (${tasks.sql}),
     up(root, task_id) AS (
       SELECT t.id, t.id FROM t
       UNION
       SELECT up.root, p.id
         FROM up CROSS JOIN LATERAL (
           SELECT p.id FROM dependencies d JOIN tasks p ON p.id = d.predecessor_id
            WHERE d.successor_id = up.task_id AND p.status NOT IN ('done', 'cancelled') OFFSET 0) p),
     held AS (
       SELECT c.id, min(t."plannedStart") AS first_start,
              json_agg(${LOOK_AHEAD_TASK_JSON} ORDER BY t."plannedStart", t.code) AS tasks
         FROM up
         JOIN make_ready_constraints c ON c.task_id = up.task_id AND ${OPEN_CONSTRAINT}
         JOIN t ON t.id = up.root
        GROUP BY c.id)
     SELECT COALESCE(json_agg(json_build_object(
              'constraint', ${CONSTRAINT_JSON},
              'onTask', json_build_object('id', o.id, 'code', o.code, 'name', o.title, 'departmentId', o.department_id),
              'tasks', held.tasks)
              ORDER BY held.first_start, c.due_date NULLS LAST, o.code, c.created_at, c.id), '[]'::json)::text AS rows
       FROM held
       JOIN make_ready_constraints c ON c.id = held.id
       JOIN tasks o ON o.id = c.task_id
       ${OWNER_JOINS}`,
    tasks.parameters,
  );
  return row.rows;
}
