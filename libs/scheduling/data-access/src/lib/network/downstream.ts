import { EntityManager } from 'typeorm';

/**
 * `originIds` and every task of the project reachable from them along the links (predecessor
 * to successor), walked in the database: an edit, or a link's cycle check, reads only the
 * part of a large project that follows it. Terminates on a stored cycle too (UNION).
 */
export async function downstreamIds(
  manager: EntityManager,
  projectId: string,
  originIds: readonly string[],
): Promise<Set<string>> {
  const rows: { id: string }[] = await manager.query(
    `WITH RECURSIVE down(id) AS (
       SELECT unnest($2::uuid[])
       UNION
       SELECT d.successor_id FROM dependencies d JOIN down ON d.predecessor_id = down.id
        WHERE d.project_id = $1)
     SELECT id FROM down`,
    [projectId, [...originIds]],
  );
  return new Set(rows.map((row) => row.id));
}
