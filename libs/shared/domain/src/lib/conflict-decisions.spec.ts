import { changedTasks, conflictFingerprint, countsAsOpen, FingerprintSource, stateAfter } from './conflict-decisions';

const task: FingerprintSource = {
  plannedStart: new Date('2026-12-01T00:00:00Z'),
  plannedFinish: new Date('2026-12-01T04:00:00Z'),
  crewId: 'crew-1',
  locationId: 'building-1',
  status: 'planned',
  schedulingMode: 'automatic',
  constraintType: null,
  constraintAt: null,
  needsUtilities: ['power', 'water'],
  interruptionKind: null,
  interruptionStartsAt: null,
  interruptionEndsAt: null,
  interruptionLocationIds: [],
};

describe('decisions on clashes', () => {
  it('fingerprints the same task the same from a database row or a JSON payload', () => {
    const fromJson = { ...task, plannedStart: '2026-12-01T08:00:00+08:00', plannedFinish: '2026-12-01T04:00:00.000Z' };
    expect(conflictFingerprint(fromJson)).toBe(conflictFingerprint(task));
    expect(conflictFingerprint({ ...task, needsUtilities: ['water', 'power'] })).toBe(conflictFingerprint(task));
  });

  it('changes the fingerprint with what matters to a clash, and only with that', () => {
    const base = conflictFingerprint(task);
    for (const change of [
      { plannedStart: new Date('2026-12-01T01:00:00Z') },
      { plannedFinish: new Date('2026-12-01T05:00:00Z') },
      { crewId: 'crew-2' },
      { locationId: null },
      { status: 'in_progress' },
      { schedulingMode: 'manual' },
      { constraintType: 'start_no_earlier_than', constraintAt: new Date('2026-12-01T00:00:00Z') },
      { needsUtilities: ['power'] },
      { interruptionKind: 'power', interruptionStartsAt: task.plannedStart, interruptionEndsAt: task.plannedFinish },
      { interruptionLocationIds: ['building-2'] },
    ] satisfies Partial<FingerprintSource>[]) {
      expect({ change, same: conflictFingerprint({ ...task, ...change }) === base }).toEqual({ change, same: false });
    }
    // Progress, notes and materials are not part of it at all.
    expect(conflictFingerprint({ ...task, progress: 50, safetyNotes: '戴好安全帽' } as FingerprintSource)).toBe(base);
  });

  it('names the tasks that changed or are gone since a decision', () => {
    const decided = { a: { version: 3, fingerprint: 'fa' }, b: { version: 1, fingerprint: 'fb' } };
    expect(changedTasks(decided, (id) => ({ a: 'fa', b: 'fb' })[id])).toEqual([]);
    expect(changedTasks(decided, (id) => ({ a: 'fa', b: 'fb2' })[id])).toEqual(['b']);
    expect(changedTasks(decided, (id) => ({ b: 'fb' })[id as 'b'])).toEqual(['a']);
  });

  it('counts open and escalated clashes, not accepted or resolved ones', () => {
    expect(['accept', 'resolve', 'escalate', 'reopen'].map((a) => stateAfter(a as never))).toEqual([
      'accepted',
      'resolved',
      'escalated',
      'open',
    ]);
    expect([undefined, 'open', 'escalated', 'accepted', 'resolved'].map((s) => countsAsOpen(s as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
