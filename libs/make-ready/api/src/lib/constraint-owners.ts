import { ConstraintOwnerCandidate } from '@worksite/shared-make-ready';
import { EntityManager } from 'typeorm';

/**
 * The people a planner may name as a constraint's owner in a project, by name: the planner, the
 * project's coordinators, the leads of the crews that have tasks in it (with those crews) and
 * the agency users of the departments that have tasks in it (with the department). Active
 * users only. One statement.
 */
export function constraintOwnerCandidates(
  manager: EntityManager,
  projectId: string,
  actorId: string,
): Promise<ConstraintOwnerCandidate[]> {
  return manager.query(
    `WITH project_crews AS (SELECT DISTINCT crew_id FROM tasks WHERE project_id = $1 AND crew_id IS NOT NULL),
          project_departments AS (SELECT DISTINCT department_id FROM tasks WHERE project_id = $1)
     SELECT u.id, u.display_name AS "displayName", u.role::text AS role,
            COALESCE((SELECT array_agg(c.name ORDER BY c.name)
                        FROM user_crews uc JOIN crews c ON c.id = uc.crew_id
                       WHERE uc.user_id = u.id AND uc.crew_id IN (SELECT crew_id FROM project_crews)), '{}') AS crews,
            CASE WHEN u.role = 'agency' THEN d.name END AS "departmentName"
       FROM users u LEFT JOIN departments d ON d.id = u.department_id
      WHERE u.active AND (
            u.id = $2
         OR (u.role = 'coordinator' AND EXISTS (SELECT 1 FROM user_projects up WHERE up.user_id = u.id AND up.project_id = $1))
         OR (u.role = 'contractor' AND EXISTS (SELECT 1 FROM user_crews uc WHERE uc.user_id = u.id
                                                  AND uc.crew_id IN (SELECT crew_id FROM project_crews)))
         OR (u.role = 'agency' AND u.department_id IN (SELECT department_id FROM project_departments)))
      ORDER BY u.role, u.display_name, u.id`,
    [projectId, actorId],
  );
}
