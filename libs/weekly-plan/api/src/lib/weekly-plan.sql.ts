import { CandidateDto, CommitmentDto } from '@worksite/shared-make-ready';
import { addDays } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';

/** A task's open make-ready constraints (alias t for the task). */
const OPEN_CONSTRAINTS = `(SELECT count(*)::int FROM make_ready_constraints k WHERE k.task_id = t.id AND k.status = 'open')`;
/** Only the tasks the actor may see ($2: their ids, or null for all). */
const VISIBLE = '($2::uuid[] IS NULL OR t.id = ANY($2::uuid[]))';
const TASK_FACTS = `t.id AS "taskId", t.code, t.title AS name, t.planned_start AS "plannedStart",
  t.planned_finish AS "plannedFinish"`;

interface Row {
  plannedStart: Date;
  plannedFinish: Date;
}
const instants = <R extends Row>(row: R) => ({
  ...row,
  plannedStart: row.plannedStart.toISOString(),
  plannedFinish: row.plannedFinish.toISOString(),
});

/** The plan's commitments, by planned start. */
export async function commitmentsOf(
  manager: EntityManager,
  planId: string,
  visible: string[] | null,
): Promise<CommitmentDto[]> {
  const rows: (Omit<CommitmentDto, 'plannedStart' | 'plannedFinish'> & Row)[] = await manager.query(
    `SELECT c.id, ${TASK_FACTS}, c.crew_id AS "crewId", c.department_id AS "departmentId",
            c.made_ready AS "madeReady", ${OPEN_CONSTRAINTS} = 0 AS ready, c.outcome, c.reason, c.note
       FROM weekly_commitments c JOIN tasks t ON t.id = c.task_id
      WHERE c.plan_id = $1 AND ${VISIBLE}
      ORDER BY t.planned_start, t.code`,
    [planId, visible],
  );
  return rows.map(instants);
}

/**
 * Tasks with work in the week (start to finish overlapping Monday–Sunday), neither done nor
 * cancelled, not committed in that week's plan.
 */
export async function candidatesOf(
  manager: EntityManager,
  projectId: string,
  weekStart: string,
  planId: string | null,
  visible: string[] | null,
): Promise<CandidateDto[]> {
  const rows: (Omit<CandidateDto, 'plannedStart' | 'plannedFinish'> & Row)[] = await manager.query(
    `SELECT ${TASK_FACTS}, t.crew_id AS "crewId", t.department_id AS "departmentId",
            ${OPEN_CONSTRAINTS} AS "openConstraints"
       FROM tasks t
      WHERE t.project_id = $1 AND ${VISIBLE}
        AND t.start_date <= $4::date AND t.finish_date >= $3::date
        AND t.status NOT IN ('done', 'cancelled')
        AND NOT EXISTS (SELECT 1 FROM weekly_commitments c WHERE c.plan_id = $5 AND c.task_id = t.id)
      ORDER BY t.planned_start, t.code`,
    [projectId, visible, weekStart, addDays(weekStart, 6), planId],
  );
  return rows.map((row) => ({ ...instants(row), ready: row.openConstraints === 0 }));
}
