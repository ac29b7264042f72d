import { openConstraintListsSql } from '@worksite/make-ready-data-access';

/**
 * One crew's day in one round trip ($1 crew, $2 local date): the crew, whether it already has
 * a first notice for the date, and its tasks (not cancelled, any project) each with its
 * location path up to the compound or street, its predecessors and the other crews' tasks
 * on the same site that day, its open make-ready constraints (openConstraintListsSql, the
 * make-ready routes' own definition of "not ready") and its
 * project's policy for tasks that are not ready. Timestamps come back as ISO strings inside the JSON.
 *
 * Locations are at most three deep (compound → building → unit; street segments on top), so
 * paths and "inside the site" are plain joins: recursive CTEs here made the planner guess
 * thousands of rows and switch on JIT compilation, a second per crew.
 */
export const DAY_PLAN_SQL = `
WITH task_rows AS (
  SELECT t.id, t.project_id, p.name AS project_name, p.time_zone, p.coordinator_name, p.coordinator_phone, p.not_ready_policy,
         cal.weekly_windows, t.title, t.content, t.planned_start, t.planned_finish, t.status, t.materials, t.tools,
         t.safety_notes, t.location_id, t.interruption_kind, t.interruption_starts_at, t.interruption_ends_at
    FROM tasks t JOIN projects p ON p.id = t.project_id JOIN calendars cal ON cal.id = p.calendar_id
   WHERE t.crew_id = $1 AND t.start_date <= $2 AND t.finish_date >= $2 AND t.status <> 'cancelled'
), paths AS (
  SELECT l0.id AS start_id, coalesce(l2.id, l1.id, l0.id) AS site_id,
         json_build_array(
           json_build_object('kind', l0.kind, 'name', l0.name, 'address', l0.address),
           CASE WHEN l1.id IS NOT NULL THEN json_build_object('kind', l1.kind, 'name', l1.name, 'address', l1.address) END,
           CASE WHEN l2.id IS NOT NULL THEN json_build_object('kind', l2.kind, 'name', l2.name, 'address', l2.address) END
         ) AS path
    FROM (SELECT DISTINCT location_id FROM task_rows WHERE location_id IS NOT NULL) tl
    JOIN locations l0 ON l0.id = tl.location_id
    LEFT JOIN locations l1 ON l1.id = l0.parent_id
    LEFT JOIN locations l2 ON l2.id = l1.parent_id
), sites AS (
  SELECT DISTINCT site_id FROM paths
), inside AS (
  SELECT s.site_id, s.site_id AS id FROM sites s
  UNION ALL SELECT s.site_id, c.id FROM sites s JOIN locations c ON c.parent_id = s.site_id
  UNION ALL SELECT s.site_id, g.id FROM sites s JOIN locations c ON c.parent_id = s.site_id
                                             JOIN locations g ON g.parent_id = c.id
), neighbours AS (
  SELECT inside.site_id,
         json_agg(json_build_object('crewName', c.name, 'departmentName', d.name, 'taskTitle', o.title,
                                    'plannedStart', o.planned_start, 'plannedFinish', o.planned_finish)
                  ORDER BY o.planned_start, o.id) AS list
    FROM inside JOIN tasks o ON o.location_id = inside.id
    JOIN crews c ON c.id = o.crew_id JOIN departments d ON d.id = o.department_id
   WHERE o.start_date <= $2 AND o.finish_date >= $2 AND o.crew_id <> $1 AND o.status <> 'cancelled'
   GROUP BY inside.site_id
), predecessors AS (
  SELECT dep.successor_id,
         json_agg(json_build_object('taskId', p.id, 'title', p.title, 'status', p.status, 'crewName', c.name,
                                    'departmentName', d.name)) AS list
    FROM dependencies dep JOIN tasks p ON p.id = dep.predecessor_id JOIN departments d ON d.id = p.department_id
    LEFT JOIN crews c ON c.id = p.crew_id
   WHERE dep.successor_id IN (SELECT id FROM task_rows)
   GROUP BY dep.successor_id
), open_constraints AS (
  ${openConstraintListsSql('SELECT id FROM task_rows')}
)
SELECT (SELECT json_build_object('id', c.id, 'name', c.name, 'leaderName', c.leader_name, 'leaderPhone', c.leader_phone,
                                 'language', c.language, 'contractorName', ct.name, 'departmentName', d.name)
          FROM crews c JOIN contractors ct ON ct.id = c.contractor_id JOIN departments d ON d.id = c.department_id
         WHERE c.id = $1) AS crew,
       (SELECT json_build_object('id', n.id, 'runId', n.run_id) FROM notices n
         WHERE n.crew_id = $1 AND n.notice_date = $2 AND n.revision = 1) AS first_notice,
       coalesce((SELECT json_agg(json_build_object('task', row_to_json(tr), 'path', paths.path,
                                                   'predecessors', pr.list, 'neighbours', nb.list,
                                                   'constraints', oc.list)
                                 ORDER BY tr.planned_start, tr.id)
                   FROM task_rows tr
                   LEFT JOIN paths ON paths.start_id = tr.location_id
                   LEFT JOIN predecessors pr ON pr.successor_id = tr.id
                   LEFT JOIN neighbours nb ON nb.site_id = paths.site_id
                   LEFT JOIN open_constraints oc ON oc.task_id = tr.id), '[]'::json) AS tasks`;

/**
 * DAY_PLAN_SQL for many crews of one date in one round trip ($1 crew ids, $2 local date): the
 * same query per crew (a LATERAL subquery), each row with the crew it is for (`for_crew_id`).
 * Planned once for the batch instead of once per crew.
 */
export const DAY_PLANS_SQL = `
SELECT req.crew_id AS for_crew_id, day.*
  FROM unnest($1::uuid[]) AS req(crew_id)
 CROSS JOIN LATERAL (${DAY_PLAN_SQL.replace(/\$1\b/g, 'req.crew_id')}) AS day`;
