/**
 * The SQL of "not ready", once: which constraints hold a task back, how their owners and due
 * dates read, in which order they are listed. The api's make-ready routes and the worker's
 * notices, reminders and 18:00 lists build their statements from these fragments (each with
 * `c` a make_ready_constraints row and OWNER_JOINS for its owner), so a task is not ready in
 * a notice exactly when the look-ahead says so.
 */

/** A constraint that still holds its task back (`c` a make_ready_constraints row). */
export const OPEN_CONSTRAINT = `c.status = 'open'`;

/** The joins OWNER_NAME (and CONSTRAINT_JSON) read the owner's name from. */
export const OWNER_JOINS = `
  LEFT JOIN departments od ON od.id = c.owner_department_id
  LEFT JOIN users ou ON ou.id = c.owner_user_id`;

/** The owner's name: the owner department's, else the owner user's. */
export const OWNER_NAME = `COALESCE(od.name, ou.display_name)`;

/** The due date as a local date (YYYY-MM-DD) or null. */
export const DUE_DATE = `to_char(c.due_date, 'YYYY-MM-DD')`;

/** Open first, then by due date (none last), then oldest first. */
export const CONSTRAINT_ORDER = `c.status, c.due_date NULLS LAST, c.created_at, c.id`;

/**
 * A constraint as a crew's notice and a coordinator's list show it (NoticeConstraint of
 * @worksite/notices-domain): kind, description, owner's name, due date.
 */
export const CONSTRAINT_SUMMARY_JSON = `json_build_object('kind', c.kind, 'description', c.description,
  'ownerName', ${OWNER_NAME}, 'dueDate', ${DUE_DATE})`;

/**
 * The open constraints of some tasks, one row per task that has any: `task_id` and `list`
 * (CONSTRAINT_SUMMARY_JSON in CONSTRAINT_ORDER). `taskIds` is an SQL subquery of task ids
 * (e.g. `SELECT id FROM task_rows` inside a CTE); tasks absent from the answer are ready.
 */
export function openConstraintListsSql(taskIds: string): string {
  return `SELECT c.task_id, json_agg(${CONSTRAINT_SUMMARY_JSON} ORDER BY ${CONSTRAINT_ORDER}) AS list
    FROM make_ready_constraints c ${OWNER_JOINS}
   WHERE c.task_id IN (${taskIds}) AND ${OPEN_CONSTRAINT}
   GROUP BY c.task_id`;
}
