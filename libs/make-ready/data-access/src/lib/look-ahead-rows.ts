import { CONSTRAINT_JSON, isoSql } from './constraint-rows';
import { CONSTRAINT_ORDER, OPEN_CONSTRAINT, OWNER_JOINS } from './open-constraints.sql';
import { Queryable } from './queryable';

/** A query of tasks (SQL and its $n parameters) selecting the columns of LookAheadTaskDto under their names. */
export interface TaskQuery {
  sql: string;
  parameters: unknown[];
}

/** A task of LookAheadTaskDto as JSON (`t` selects its fields under their names). */
export const LOOK_AHEAD_TASK_JSON = `json_build_object(
  'id', t.id, 'code', t.code, 'name', t.name, 'plannedStart', ${isoSql('t."plannedStart"')},
  'plannedFinish', ${isoSql('t."plannedFinish"')}, 'departmentId', t."departmentId", 'crewId', t."crewId",
  'locationId', t."locationId", 'status', t.status)`;

/**
 * The look-ahead's rows (LookAheadRowDto[], by planned start) as JSON text written by PostgreSQL,
 * with the ready / not ready counts: each task of the query with its constraints and whether
 * none is open. One statement; the api sends the text as it is (no objects in between).
 */
export async function lookAheadRows(
  db: Queryable,
  tasks: TaskQuery,
): Promise<{ rowsJson: string; ready: number; notReady: number }> {
  const [row]: { rows: string; ready: number; total: number }[] = await db.query(
    `WITH t AS (${tasks.sql}),
     cs AS (
       SELECT c.task_id, json_agg(${CONSTRAINT_JSON} ORDER BY ${CONSTRAINT_ORDER}) AS list,
              count(*) FILTER (WHERE ${OPEN_CONSTRAINT}) AS open
         FROM make_ready_constraints c ${OWNER_JOINS}
        WHERE c.task_id IN (SELECT id FROM t)
        GROUP BY c.task_id)
     SELECT COALESCE(json_agg(json_build_object(
              'task', ${LOOK_AHEAD_TASK_JSON},
              'ready', COALESCE(cs.open, 0) = 0,
              'constraints', COALESCE(cs.list, '[]'::json)) ORDER BY t."plannedStart", t.code), '[]'::json)::text AS rows,
            count(*) FILTER (WHERE COALESCE(cs.open, 0) = 0)::int AS ready,
            count(*)::int AS total
       FROM t LEFT JOIN cs ON cs.task_id = t.id`,
    tasks.parameters,
  );
  return { rowsJson: row.rows, ready: row.ready, notReady: row.total - row.ready };
}
