import { InterruptionKind } from '@worksite/shared-domain';
import fc from 'fast-check';
import { Conflict, ConflictTask } from './conflict-types';
import { detectConflicts } from './detect-conflicts';

const PARENTS: Record<string, string | null> = {
  C1: null,
  C2: null,
  B11: 'C1',
  B12: 'C1',
  B21: 'C2',
  U111: 'B11',
  U112: 'B11',
  U121: 'B12',
};
const LOCATIONS = [...Object.keys(PARENTS), 'S1', 'S2'];
const UTILITIES = [InterruptionKind.Power, InterruptionKind.Water, InterruptionKind.Network];
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 2);

const spanArb = fc
  .record({ at: fc.integer({ min: 0, max: 72 * 4 }), quarters: fc.integer({ min: 0, max: 40 }) })
  .map(({ at, quarters }) => ({
    start: T0 + (at * HOUR) / 4,
    finish: T0 + ((at + quarters) * HOUR) / 4,
  }));

const taskArb = fc.record({
  span: spanArb,
  crewId: fc.option(fc.constantFrom('X', 'Y', 'Z'), { nil: undefined }),
  locationId: fc.option(fc.constantFrom(...LOCATIONS), { nil: undefined }),
  needs: fc.subarray(UTILITIES),
  cut: fc.option(
    fc.record({
      kind: fc.constantFrom(...UTILITIES),
      locationIds: fc.subarray(LOCATIONS, { minLength: 1, maxLength: 3 }),
      span: spanArb,
    }),
    { freq: 3 },
  ),
});

const tasksArb = fc.array(taskArb, { maxLength: 30 }).map((raw) =>
  raw.map(
    (r, k): ConflictTask => ({
      id: `t${String(k).padStart(2, '0')}`,
      ...r.span,
      crewId: r.crewId,
      locationId: r.locationId,
      needsUtilities: r.needs,
      interruption: r.cut ? { kind: r.cut.kind, locationIds: r.cut.locationIds, ...r.cut.span } : null,
    }),
  ),
);

function selfAndAncestors(id: string): string[] {
  const out = [id];
  for (let p = PARENTS[id]; p; p = PARENTS[p]) out.push(p);
  return out;
}

const within = (inner: string, outer: string) => selfAndAncestors(inner).includes(outer);

/** Brute force over all pairs: what the sweeps must find. */
function oracle(tasks: ConflictTask[], range: { start: number; end: number }): string[] {
  const found: string[] = [];
  const add = (kind: string, ids: string[], start: number, end: number, where: string) => {
    if (end > start && start < range.end && end > range.start)
      found.push(`${kind}|${ids.join('+')}|${start}|${end}|${where}`);
  };
  for (const a of tasks) {
    for (const b of tasks) {
      if (a.id >= b.id) continue;
      const start = Math.max(a.start, b.start);
      const end = Math.min(a.finish, b.finish);
      if (a.crewId && a.crewId === b.crewId) add('crew-double-booking', [a.id, b.id], start, end, a.crewId);
      else if (
        a.locationId &&
        b.locationId &&
        (within(a.locationId, b.locationId) || within(b.locationId, a.locationId))
      ) {
        add(
          'location-clash',
          [a.id, b.id],
          start,
          end,
          within(a.locationId, b.locationId) ? a.locationId : b.locationId,
        );
      }
    }
  }
  for (const cutter of tasks) {
    const cut = cutter.interruption;
    if (!cut) continue;
    for (const v of tasks) {
      if (v === cutter || !v.locationId || !(v.finish > v.start) || !v.needsUtilities?.includes(cut.kind)) continue;
      if (!cut.locationIds.some((l) => within(v.locationId as string, l))) continue;
      add(
        'utility-interruption',
        [cutter.id, v.id],
        Math.max(cut.start, v.start),
        Math.min(cut.finish, v.finish),
        v.locationId,
      );
    }
  }
  return found.sort();
}

function asStrings(conflicts: Conflict[]): string[] {
  return conflicts
    .map((c) => `${c.kind}|${c.taskIds.join('+')}|${c.window.start}|${c.window.end}|${c.locationId ?? c.crewId}`)
    .sort();
}

describe('conflict detection properties', () => {
  it('finds exactly the clashes a brute-force comparison of all pairs finds, once each, in order', () => {
    fc.assert(
      fc.property(tasksArb, spanArb, (tasks, r) => {
        const range = { start: r.start, end: r.finish + 24 * HOUR };
        const found = detectConflicts({ tasks, range, locationParents: PARENTS });
        expect(asStrings(found)).toEqual(oracle(tasks, range));
        expect(new Set(found.map((c) => c.key)).size).toBe(found.length);
        for (let k = 1; k < found.length; k++) {
          expect(found[k].window.start).toBeGreaterThanOrEqual(found[k - 1].window.start);
        }
      }),
      { numRuns: 300 },
    );
  });
});
