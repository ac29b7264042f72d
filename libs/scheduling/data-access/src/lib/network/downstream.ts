import { EntityManager } from 'typeorm';

/** Steps walked one query each before the walk reads all of the project's links at once. */
const STEPS_BY_QUERY = 6;

/**
 * `originIds` and every task of the project reachable from them along the links (predecessor
 * to successor): an edit, or a link's cycle check, reads only the part of a large project that
 * follows it. Near the end of a plan that is a few steps, each one indexed query; a walk still
 * going after STEPS_BY_QUERY steps reads the project's links as bare id pairs and finishes
 * here (a recursive query in PostgreSQL scans the links once per step: seconds along a chain
 * of thousands). Terminates on a stored cycle too.
 */
export async function downstreamIds(
  manager: EntityManager,
  projectId: string,
  originIds: readonly string[],
): Promise<Set<string>> {
  const reached = new Set(originIds);
  let frontier = [...reached];
  for (let step = 0; step < STEPS_BY_QUERY && frontier.length > 0; step++) {
    const rows: { s: string }[] = await manager.query(
      // Links never join two projects: the predecessor index alone finds them.
      'SELECT DISTINCT successor_id AS s FROM dependencies WHERE predecessor_id = ANY($1::uuid[])',
      [frontier],
    );
    frontier = rows.map((row) => row.s).filter((id) => !reached.has(id));
    for (const id of frontier) reached.add(id);
  }
  if (frontier.length === 0) return reached;
  const edges: { p: string; s: string }[] = await manager.query(
    'SELECT predecessor_id AS p, successor_id AS s FROM dependencies WHERE project_id = $1',
    [projectId],
  );
  const next = new Map<string, string[]>();
  for (const { p, s } of edges) {
    const list = next.get(p);
    if (list) list.push(s);
    else next.set(p, [s]);
  }
  const stack = frontier;
  while (stack.length > 0) {
    for (const successor of next.get(stack.pop() as string) ?? []) {
      if (reached.has(successor)) continue;
      reached.add(successor);
      stack.push(successor);
    }
  }
  return reached;
}
