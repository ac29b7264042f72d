import { VarianceReason } from '@worksite/shared-make-ready';
import { EntityManager } from 'typeorm';

/** Commitments of the project's plans in [from, to] the actor may see ($1 project, $2 from, $3 to, $4 visible ids or null). */
const COMMITMENTS = `weekly_plans p JOIN weekly_commitments c ON c.plan_id = p.id
  WHERE p.project_id = $1 AND p.week_start BETWEEN $2::date AND $3::date
    AND ($4::uuid[] IS NULL OR c.task_id = ANY($4::uuid[]))`;
const COUNTS = `count(*)::int AS committed, (count(*) FILTER (WHERE c.outcome = 'done'))::int AS done`;

export interface PpcRange {
  projectId: string;
  from: string;
  to: string;
  visible: string[] | null;
}

interface Counts {
  committed: number;
  done: number;
}

const params = (r: PpcRange) => [r.projectId, r.from, r.to, r.visible];

/** One grouped query per figure: by week (with the made-ready count), department, crew, reason. */
export function countsByWeek(
  m: EntityManager,
  r: PpcRange,
): Promise<(Counts & { weekStart: string; madeReady: number })[]> {
  return m.query(
    `SELECT to_char(p.week_start, 'YYYY-MM-DD') AS "weekStart", ${COUNTS},
            (count(*) FILTER (WHERE c.made_ready))::int AS "madeReady"
       FROM ${COMMITMENTS} GROUP BY p.week_start`,
    params(r),
  );
}

export function countsByDepartment(m: EntityManager, r: PpcRange): Promise<(Counts & { departmentId: string })[]> {
  return m.query(
    `SELECT c.department_id AS "departmentId", ${COUNTS} FROM ${COMMITMENTS}
      GROUP BY c.department_id ORDER BY committed DESC, c.department_id`,
    params(r),
  );
}

export function countsByCrew(m: EntityManager, r: PpcRange): Promise<(Counts & { crewId: string | null })[]> {
  return m.query(
    `SELECT c.crew_id AS "crewId", ${COUNTS} FROM ${COMMITMENTS}
      GROUP BY c.crew_id ORDER BY committed DESC, c.crew_id NULLS LAST`,
    params(r),
  );
}

/** Not-done commitments by reason (none given counts as 'other'). */
export function countsByReason(m: EntityManager, r: PpcRange): Promise<{ reason: VarianceReason; count: number }[]> {
  return m.query(
    `SELECT COALESCE(c.reason, 'other') AS reason, count(*)::int AS count FROM ${COMMITMENTS}
        AND c.outcome = 'not_done' GROUP BY 1`,
    params(r),
  );
}
