import type { NetworkLink } from './project-network';

/**
 * Where a network's tasks and links are, by id: what lets an edit take the part of a kept
 * network it moves, and put its moves back, in time proportional to that part rather than to
 * the project (a push of a few hundred tasks in a project of 10,000).
 */
export interface NetworkIndex {
  /** Each task's position in the network's tasks, by task id. */
  readonly taskAt: ReadonlyMap<string, number>;
  /** The positions in the network's links of the links into each task, by successor id, ascending. */
  readonly linksInto: ReadonlyMap<string, readonly number[]>;
  /** Successor ids by predecessor id. */
  readonly successors: ReadonlyMap<string, readonly string[]>;
}

/** Each task's position by id. */
export function taskPositions(tasks: readonly { readonly id: string }[]): Map<string, number> {
  const taskAt = new Map<string, number>();
  tasks.forEach((task, at) => taskAt.set(task.id, at));
  return taskAt;
}

/** The links into each task (positions) and the successors of each. */
export function linkIndex(links: readonly NetworkLink[]): Pick<NetworkIndex, 'linksInto' | 'successors'> {
  const linksInto = new Map<string, number[]>();
  const successors = new Map<string, string[]>();
  links.forEach((link, at) => {
    push(linksInto, link.successorId, at);
    push(successors, link.predecessorId, link.successorId);
  });
  return { linksInto, successors };
}

/** Whether two task lists hold the same ids at the same positions (a position index of one serves the other). */
export function samePositions(a: readonly { readonly id: string }[], b: readonly { readonly id: string }[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  // The same row at most positions (an edit copies only the rows it changed): no id to read there.
  for (let at = 0; at < a.length; at++) if (a[at] !== b[at] && a[at].id !== b[at].id) return false;
  return true;
}

/** `originIds` and every task that follows one of them through `successors`. */
export function reachedFrom(
  successors: ReadonlyMap<string, readonly string[]>,
  originIds: readonly string[],
): Set<string> {
  const reached = new Set(originIds);
  const queue = [...originIds];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const next of successors.get(id) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return reached;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
