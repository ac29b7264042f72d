/**
 * The cycles of a directed graph, one per strongly connected component that has one (Tarjan's
 * algorithm without recursion, so 10,000 chained tasks do not overflow the stack). Each cycle
 * is the list of its nodes in link order, first node not repeated.
 */
export function findCycles(nodes: Iterable<string>, edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, string[]>();
  const all = new Set(nodes);
  for (const { from, to } of edges) {
    all.add(from).add(to);
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of all) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, at] = frame;
      const successors = next.get(node) ?? [];
      if (at < successors.length) {
        frame[1]++;
        const successor = successors[at];
        if (!index.has(successor)) {
          index.set(successor, counter);
          low.set(successor, counter++);
          stack.push(successor);
          onStack.add(successor);
          work.push([successor, 0]);
        } else if (onStack.has(successor)) {
          low.set(node, Math.min(low.get(node) as number, index.get(successor) as number));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent) as number, low.get(node) as number));
      }
      if (low.get(node) !== index.get(node)) continue;
      const component = new Set<string>();
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.add(member);
      } while (member !== node);
      const selfLoop = (next.get(node) ?? []).includes(node);
      if (component.size > 1 || selfLoop) cycles.push(cycleWithin(node, component, next));
    }
  }
  return cycles;
}

/** A shortest way from `start` back to itself inside a component (breadth-first). */
function cycleWithin(start: string, component: Set<string>, next: Map<string, string[]>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const successor of next.get(node) ?? []) {
      if (!component.has(successor)) continue;
      if (successor === start) {
        const path = [node];
        for (let at = node; at !== start; ) {
          at = cameFrom.get(at) as string;
          path.unshift(at);
        }
        return path;
      }
      if (!cameFrom.has(successor)) {
        cameFrom.set(successor, node);
        queue.push(successor);
      }
    }
  }
  return [start];
}
