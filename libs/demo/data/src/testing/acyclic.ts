/** Kahn's topological sort: true when the links between the tasks have no cycle. */
export function isAcyclic(tasks: string[], links: { predecessor: string; successor: string }[]): boolean {
  const indegree = new Map(tasks.map((t) => [t, 0]));
  const next = new Map<string, string[]>();
  for (const l of links) {
    indegree.set(l.successor, (indegree.get(l.successor) ?? 0) + 1);
    next.set(l.predecessor, [...(next.get(l.predecessor) ?? []), l.successor]);
  }
  const queue = [...indegree.keys()].filter((t) => indegree.get(t) === 0);
  let seen = 0;
  while (queue.length) {
    const task = queue.pop() as string;
    seen++;
    for (const successor of next.get(task) ?? []) {
      indegree.set(successor, (indegree.get(successor) as number) - 1);
      if (indegree.get(successor) === 0) queue.push(successor);
    }
  }
  return seen === indegree.size;
}
