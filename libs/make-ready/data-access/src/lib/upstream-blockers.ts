import { MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { CONSTRAINT_JSON, OWNER_JOINS } from './constraint-rows';
import { Queryable } from './queryable';

/** An open constraint blocking a root task: on the root itself or on a task upstream of it. */
export interface UpstreamBlocker {
  rootId: string;
  constraint: MakeReadyConstraintDto;
  onTask: { id: string; code: number; name: string; departmentId: string };
}

/**
 * The open constraints on each root task and on every task upstream of it (its predecessors,
 * transitively). The walk does not pass through done or cancelled tasks: work that is done no
 * longer waits for anything, and a cancelled task holds nobody up. One recursive query.
 * Ordered by root, then due date (none last).
 */
export async function upstreamOpenConstraints(db: Queryable, rootIds: readonly string[]): Promise<UpstreamBlocker[]> {
  if (rootIds.length === 0) return [];
  return db.query(
    `WITH RECURSIVE up(root, task_id) AS (
       SELECT r, r FROM unnest($1::uuid[]) AS r
       UNION
       SELECT up.root, d.predecessor_id
         FROM up
         JOIN dependencies d ON d.successor_id = up.task_id
         JOIN tasks p ON p.id = d.predecessor_id AND p.status NOT IN ('done', 'cancelled'))
     SELECT up.root AS "rootId", ${CONSTRAINT_JSON} AS "constraint",
            json_build_object('id', t.id, 'code', t.code, 'name', t.title, 'departmentId', t.department_id) AS "onTask"
       FROM up
       JOIN make_ready_constraints c ON c.task_id = up.task_id AND c.status = 'open'
       JOIN tasks t ON t.id = up.task_id
       ${OWNER_JOINS}
      ORDER BY up.root, c.due_date NULLS LAST, t.code, c.created_at`,
    [rootIds],
  );
}
