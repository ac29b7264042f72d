import { Conflict, ConflictTask } from './conflict-types';
import { LocationTree } from './location-tree';

/**
 * A cut (power, water, …) overlapping other work that needs that utility at the cut
 * locations or inside them. Tasks needing a utility are filed under their location and all
 * its ancestors, so a cut of a building finds the work in its units; each affected task is
 * reported once per interrupting task even when several cut locations contain it.
 */
export function interruptionConflicts(
  tasks: readonly ConflictTask[],
  cuts: readonly ConflictTask[],
  tree: LocationTree,
): Conflict[] {
  const needers = new Map<string, ConflictTask[]>();
  for (const t of tasks) {
    if (!t.locationId || !t.needsUtilities || !(t.finish > t.start)) continue;
    for (const utility of new Set(t.needsUtilities)) {
      for (const loc of tree.selfAndAncestors(t.locationId)) {
        const key = `${utility}|${loc}`;
        const list = needers.get(key);
        if (list) list.push(t);
        else needers.set(key, [t]);
      }
    }
  }
  for (const list of needers.values()) list.sort((a, b) => a.start - b.start);
  const out: Conflict[] = [];
  for (const cutter of cuts) {
    const cut = cutter.interruption;
    if (!cut || !(cut.finish > cut.start)) continue;
    const reported = new Set<string>();
    for (const loc of cut.locationIds) {
      for (const victim of needers.get(`${cut.kind}|${loc}`) ?? []) {
        if (victim.start >= cut.finish) break;
        if (victim.finish <= cut.start || victim.id === cutter.id || reported.has(victim.id)) continue;
        reported.add(victim.id);
        out.push({
          kind: 'utility-interruption',
          key: `utility-interruption|${cutter.id}|${victim.id}|${cut.kind}`,
          taskIds: [cutter.id, victim.id],
          window: { start: Math.max(cut.start, victim.start), end: Math.min(cut.finish, victim.finish) },
          locationId: victim.locationId as string,
          utility: cut.kind,
        });
      }
    }
  }
  return out;
}
