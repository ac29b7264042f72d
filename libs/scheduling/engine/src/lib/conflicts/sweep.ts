import { ConflictTask } from './conflict-types';

/**
 * Calls `pair(a, b)` once for every two items that overlap in time ([start, finish),
 * zero-length items never overlap). Items are swept in start order keeping only the ones
 * still running, so the cost is the sort plus the overlapping pairs.
 *
 * With `isOwn`, only pairs with at least one "own" item are reported (used for locations:
 * a task exactly at a location against everything at or inside it).
 */
export function sweepOverlaps(
  items: readonly ConflictTask[],
  pair: (a: ConflictTask, b: ConflictTask) => void,
  isOwn?: (t: ConflictTask) => boolean,
): void {
  const sorted = items.filter((t) => t.finish > t.start).sort((a, b) => a.start - b.start || a.finish - b.finish);
  const active: ConflictTask[] = [];
  const activeOwn: ConflictTask[] = [];
  for (const t of sorted) {
    prune(active, t.start);
    prune(activeOwn, t.start);
    const own = isOwn ? isOwn(t) : true;
    for (const a of own ? active : activeOwn) pair(a, t);
    active.push(t);
    if (isOwn && own) activeOwn.push(t);
  }
}

/** Drops, in place, the items that finished by `instant` (order is kept). */
function prune(list: ConflictTask[], instant: number): void {
  let kept = 0;
  for (const item of list) if (item.finish > instant) list[kept++] = item;
  list.length = kept;
}

/** Overlap of two spans. */
export function overlapOf(a: { start: number; finish: number }, b: { start: number; finish: number }) {
  return { start: Math.max(a.start, b.start), end: Math.min(a.finish, b.finish) };
}

/** Groups items by a key, skipping items without one. */
export function groupBy<T>(items: readonly T[], keyOf: (t: T) => string | null | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null || key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
