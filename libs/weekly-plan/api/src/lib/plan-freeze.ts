import { EntityManager } from 'typeorm';
import { ProjectScope } from './project-scope';

/**
 * Records the freeze of every plan of the project whose week has begun and that is not frozen
 * yet (frozen_at = now), and settles its commitments' "made ready": no make-ready constraint
 * open at the week's start (created before it and not cleared by then). Whether a week is
 * frozen follows from the clock alone (see isFrozen); this only writes down when it was first
 * observed — by any weekly-plan or PPC request — so no job is needed. One statement; a
 * concurrent request waits on the plan rows and then finds them frozen.
 */
export async function recordFreezes(manager: EntityManager, scope: ProjectScope): Promise<void> {
  await manager.query(
    `WITH frozen AS (
       UPDATE weekly_plans p SET frozen_at = now(), version = p.version + 1, updated_at = now()
        WHERE p.project_id = $1 AND p.frozen_at IS NULL AND p.week_start <= $2::date
       RETURNING p.id, (p.week_start::timestamp AT TIME ZONE $3) AS began)
     UPDATE weekly_commitments c
        SET made_ready = NOT EXISTS (
              SELECT 1 FROM make_ready_constraints k
               WHERE k.task_id = c.task_id AND k.created_at < f.began
                 AND (k.status = 'open' OR k.cleared_at > f.began)),
            updated_at = now()
       FROM frozen f WHERE c.plan_id = f.id`,
    [scope.id, scope.today, scope.timeZone],
  );
}
