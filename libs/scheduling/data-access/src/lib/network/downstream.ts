import { EntityManager } from 'typeorm';
import { preparedQuery } from '../prepared-query';

/**
 * `originIds` and every task of the project reachable from them along the links (predecessor
 * to successor): an edit, or a link's cycle check, reads only the part of a large project that
 * follows it. One recursive query; each level looks up the successors of the tasks reached by
 * the links' (predecessor_id, successor_id) index, a nested loop the planner cannot turn into a
 * hash join (the lateral subquery behind OFFSET 0 is not pulled up): planned as a hash join,
 * it either hashed the walk and scanned all 15,000 links of a 10,000-task project at every
 * level (17–60 ms instead of 1–3) or depended on estimates of the walk's size. Links never join
 * two projects, so the walk needs no project filter. Terminates on a stored cycle too (UNION keeps
 * each task once).
 */
export async function downstreamIds(manager: EntityManager, originIds: readonly string[]): Promise<Set<string>> {
  const rows: { id: string }[] = await preparedQuery(
    manager,
    `WITH RECURSIVE walked(id) AS (
       SELECT unnest($1::uuid[])
       UNION
       SELECT next.successor_id FROM walked w
         CROSS JOIN LATERAL (SELECT d.successor_id FROM dependencies d WHERE d.predecessor_id = w.id OFFSET 0) next)
     SELECT id FROM walked`,
    [originIds],
  );
  return new Set(rows.map((row) => row.id));
}
