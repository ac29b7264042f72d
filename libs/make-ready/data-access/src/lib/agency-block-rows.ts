import { CONSTRAINT_JSON } from './constraint-rows';
import { LOOK_AHEAD_TASK_JSON, TaskQuery } from './look-ahead-rows';
import { OPEN_CONSTRAINT, OWNER_JOINS } from './open-constraints.sql';
import { Queryable } from './queryable';

/**
 * "What blocks my tasks" as JSON text written by PostgreSQL (AgencyBlocksDto's rows, by planned
 * start): each task of the query with the open constraints on it and on every task upstream of it
 * (its predecessors, transitively), with the task each sits on — only tasks with at least one.
 * The walk does not pass through done or cancelled tasks (done work waits for nothing; a
 * cancelled task holds nobody up). One recursive statement; each step looks up the predecessors
 * of the tasks reached through the successor index (OFFSET 0 keeps it a per-row lookup, where the
 * planner would otherwise scan every link of the database at every step).
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
     b AS (
       SELECT up.root, json_agg(json_build_object(
                'constraint', ${CONSTRAINT_JSON},
                'onTask', json_build_object('id', o.id, 'code', o.code, 'name', o.title, 'departmentId', o.department_id))
              ORDER BY c.due_date NULLS LAST, o.code, c.created_at) AS blockers
         FROM up
         JOIN make_ready_constraints c ON c.task_id = up.task_id AND ${OPEN_CONSTRAINT}
         JOIN tasks o ON o.id = up.task_id
         ${OWNER_JOINS}
        GROUP BY up.root)
     SELECT COALESCE(json_agg(json_build_object('task', ${LOOK_AHEAD_TASK_JSON}, 'blockers', b.blockers)
              ORDER BY t."plannedStart", t.code), '[]'::json)::text AS rows
       FROM t JOIN b ON b.root = t.id`,
    tasks.parameters,
  );
  return row.rows;
}
