/**
 * The tasks of a feed with their project, department and crew: $1 the task ids, $2 the crew
 * ids whose names the owner may read. Nothing about any crew's people is selected.
 */
export const FEED_TASKS_SQL = `
SELECT t.id, t.version, t.updated_at, t.title, t.content, t.status, t.progress,
       t.planned_start, t.planned_finish, t.materials, t.tools, t.safety_notes,
       p.name AS project_name, p.time_zone, d.name AS department_name,
       CASE WHEN t.crew_id = ANY($2::uuid[]) THEN c.name END AS crew_name, t.location_id
  FROM tasks t
  JOIN projects p ON p.id = t.project_id
  JOIN departments d ON d.id = t.department_id
  LEFT JOIN crews c ON c.id = t.crew_id
 WHERE t.id = ANY($1::uuid[])
 ORDER BY t.planned_start, t.id`;
