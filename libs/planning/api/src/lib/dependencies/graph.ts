/** A directed edge predecessor → successor. */
export interface Edge {
  from: string;
  to: string;
}

/**
 * Finds a path of edges from `start` to `goal` (breadth-first, so the shortest), returned
 * as the nodes visited in order, or undefined if there is none. Adding the edge
 * goal → start closes a cycle exactly when such a path exists.
 */
export function findPath(edges: readonly Edge[], start: string, goal: string): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  const cameFrom = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (node === goal) {
      const path = [node];
      for (let at = node; at !== start; ) {
        at = cameFrom.get(at) as string;
        path.unshift(at);
      }
      return path;
    }
    for (const successor of next.get(node) ?? []) {
      if (!cameFrom.has(successor)) {
        cameFrom.set(successor, node);
        queue.push(successor);
      }
    }
  }
  return undefined;
}
