import { Conflict, ConflictTask } from './conflict-types';
import { LocationTree } from './location-tree';
import { groupBy, overlapOf, sweepOverlaps } from './sweep';

/**
 * Different crews at the same location, or at a location and one inside it, at overlapping
 * times. A task is filed under its location and every ancestor; at each location X the sweep
 * pairs the tasks exactly at X with everything at or inside X, so each related pair is met
 * exactly once (at the broader of its two locations). Tasks of the same crew are left to
 * {@link crewDoubleBookings}; a task without a crew counts as a different crew.
 */
export function locationClashes(tasks: readonly ConflictTask[], tree: LocationTree): Conflict[] {
  const byLocation = new Map<string, ConflictTask[]>();
  for (const t of tasks) {
    if (!t.locationId) continue;
    for (const loc of tree.selfAndAncestors(t.locationId)) {
      const list = byLocation.get(loc);
      if (list) list.push(t);
      else byLocation.set(loc, [t]);
    }
  }
  const out: Conflict[] = [];
  for (const [location, list] of byLocation) {
    if (list.length < 2) continue;
    sweepOverlaps(
      list,
      (a, b) => {
        if (a.crewId && a.crewId === b.crewId) return;
        // The deeper of the two locations is where they actually meet.
        const where = a.locationId === location ? (b.locationId as string) : (a.locationId as string);
        const ids = sortedPair(a.id, b.id);
        out.push({
          kind: 'location-clash',
          key: `location-clash|${ids.join('|')}|${where}`,
          taskIds: ids,
          window: overlapOf(a, b),
          locationId: where,
        });
      },
      (t) => t.locationId === location,
    );
  }
  return out;
}

/** One crew booked on two tasks at overlapping times. */
export function crewDoubleBookings(tasks: readonly ConflictTask[]): Conflict[] {
  const out: Conflict[] = [];
  for (const [crewId, list] of groupBy(tasks, (t) => t.crewId)) {
    if (list.length < 2) continue;
    sweepOverlaps(list, (a, b) => {
      const ids = sortedPair(a.id, b.id);
      out.push({
        kind: 'crew-double-booking',
        key: `crew-double-booking|${ids.join('|')}|${crewId}`,
        taskIds: ids,
        window: overlapOf(a, b),
        crewId,
      });
    });
  }
  return out;
}

export function sortedPair(a: string, b: string): [string, string] {
  return a <= b ? [a, b] : [b, a];
}
