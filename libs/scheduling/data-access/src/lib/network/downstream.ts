import { EntityManager } from 'typeorm';

/**
 * `originIds` and every task of the project reachable from them along the links (predecessor
 * to successor): an edit, or a link's cycle check, reads only the part of a large project that
 * follows it. The links are read as bare id pairs and walked here: a recursive query in
 * PostgreSQL scans the links once per step, which is seconds along a chain of thousands.
 * Terminates on a stored cycle too.
 */
export async function downstreamIds(
  manager: EntityManager,
  projectId: string,
  originIds: readonly string[],
): Promise<Set<string>> {
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
  const reached = new Set(originIds);
  const stack = [...originIds];
  while (stack.length > 0) {
    for (const successor of next.get(stack.pop() as string) ?? []) {
      if (reached.has(successor)) continue;
      reached.add(successor);
      stack.push(successor);
    }
  }
  return reached;
}
