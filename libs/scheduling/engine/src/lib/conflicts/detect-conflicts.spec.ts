import { ConstraintType, DependencyType, InterruptionKind, SchedulingMode } from '@worksite/shared-domain';
import { sh, shl } from '../../testing/calendars';
import { WorkingCalendar } from '../calendar/working-calendar';
import { Violation } from '../model/schedule-result';
import { scheduleProject } from '../schedule-project';
import { Conflict, ConflictTask, LocationParents } from './conflict-types';
import { detectConflicts } from './detect-conflicts';

// 八经街 compound C1: buildings B1 (units U11, U12) and B2; street segment S1 stands alone.
const parents: LocationParents = { B1: 'C1', B2: 'C1', U11: 'B1', U12: 'B1', C1: null };
const day = (from: string, to: string) => ({ start: sh(`2026-03-02T${from}`), finish: sh(`2026-03-02T${to}`) });
const RANGE = { start: sh('2026-03-02T00:00'), end: sh('2026-03-03T00:00') };

function summary(conflicts: Conflict[]): string[] {
  return conflicts.map((c) =>
    `${c.kind} ${c.taskIds.join('+')} ${shl(c.window.start).slice(11)}-${shl(c.window.end).slice(11)} ${c.locationId ?? c.crewId ?? ''}`.trim(),
  );
}

describe('conflict detection', () => {
  it('finds different crews at the same location or one containing the other (not siblings)', () => {
    const tasks: ConflictTask[] = [
      { id: 'T1', ...day('08:00', '12:00'), locationId: 'B1', crewId: 'X' },
      { id: 'T2', ...day('10:00', '14:00'), locationId: 'U11', crewId: 'Y' },
      { id: 'T3', ...day('09:00', '11:00'), locationId: 'U12', crewId: 'Z' },
      { id: 'T4', ...day('08:00', '18:00'), locationId: 'B2', crewId: 'W' },
      { id: 'T5', ...day('12:00', '13:00'), locationId: 'B1', crewId: 'V' },
    ];
    expect(summary(detectConflicts({ tasks, range: RANGE, locationParents: parents }))).toEqual([
      'location-clash T1+T3 09:00-11:00 U12',
      'location-clash T1+T2 10:00-12:00 U11',
      'location-clash T2+T5 12:00-13:00 U11',
    ]);
  });

  it('treats the whole compound as containing its units', () => {
    const tasks: ConflictTask[] = [
      { id: 'road', ...day('08:00', '18:00'), locationId: 'C1', crewId: 'X' },
      { id: 'unit', ...day('14:00', '15:00'), locationId: 'U12', crewId: 'Y' },
      { id: 'street', ...day('08:00', '18:00'), locationId: 'S1', crewId: 'Z' },
    ];
    expect(
      summary(detectConflicts({ tasks, range: RANGE, locationParents: new Map(Object.entries(parents)) })),
    ).toEqual(['location-clash road+unit 14:00-15:00 U12']);
  });

  it('finds a crew booked twice, but not the same crew twice at one place as a location clash', () => {
    const tasks: ConflictTask[] = [
      { id: 'a', ...day('08:00', '12:00'), locationId: 'U11', crewId: 'X' },
      { id: 'b', ...day('11:00', '15:00'), locationId: 'U11', crewId: 'X' },
      { id: 'c', ...day('12:00', '16:00'), locationId: 'S1', crewId: 'X' },
      { id: 'd', ...day('16:00', '17:00'), locationId: 'S1', crewId: 'X' },
    ];
    expect(summary(detectConflicts({ tasks, range: RANGE, locationParents: parents }))).toEqual([
      'crew-double-booking a+b 11:00-12:00 X',
      'crew-double-booking b+c 12:00-15:00 X',
    ]);
  });

  it('turns schedule violations into conflicts', () => {
    const violations: Violation[] = [
      {
        kind: 'dependency',
        taskId: 'telecom',
        linkId: 'L1',
        predecessorId: 'power',
        type: DependencyType.FS,
        lag: 0,
        actual: sh('2026-03-02T08:00'),
        required: sh('2026-03-02T14:00'),
        byMinutes: 240,
      },
    ];
    const tasks: ConflictTask[] = [
      { id: 'telecom', ...day('08:00', '10:00'), locationId: 'U11', crewId: 'T', mode: SchedulingMode.Manual },
    ];
    expect(detectConflicts({ tasks, range: RANGE, violations })).toEqual([
      {
        kind: 'dependency-violation',
        key: 'dependency-violation|L1',
        taskIds: ['power', 'telecom'],
        linkId: 'L1',
        window: { start: sh('2026-03-02T08:00'), end: sh('2026-03-02T14:00') },
        locationId: 'U11',
        crewId: 'T',
      },
    ]);
  });

  it('reports the violations of a real schedule: a manual task too early, a missed finish-no-later-than', () => {
    const calendar = WorkingCalendar.compile();
    const outcome = scheduleProject(
      {
        start: sh('2026-03-02T08:00'),
        tasks: [
          { id: 'power', duration: 480 },
          { id: 'telecom', duration: 240, mode: SchedulingMode.Manual, start: sh('2026-03-02T14:00') },
          {
            id: 'paving',
            duration: 240,
            constraint: { type: ConstraintType.FinishNoLaterThan, at: sh('2026-03-03T10:00') },
          },
        ],
        links: [
          { id: 'L1', predecessorId: 'power', successorId: 'telecom' },
          { id: 'L2', predecessorId: 'power', successorId: 'paving' },
        ],
      },
      calendar,
    );
    if (!outcome.ok) throw new Error('unexpected');
    const tasks: ConflictTask[] = outcome.result.tasks.map((t) => ({ ...t, crewId: `crew-${t.id}` }));
    const range = { start: sh('2026-03-02T00:00'), end: sh('2026-03-04T00:00') };
    const found = detectConflicts({ tasks, range, calendar, violations: outcome.result.violations });
    expect(summary(found)).toEqual([
      'dependency-violation power+telecom 14:00-08:00 crew-telecom',
      'constraint-violation paving 10:00-12:00 crew-paving',
    ]);
    expect(found[0].window.end).toBe(sh('2026-03-03T08:00'));
    expect(found[1].window.start).toBe(sh('2026-03-03T10:00'));
  });

  it('finds work inside blackouts and outside the working windows', () => {
    const calendar = WorkingCalendar.compile({
      blackouts: [{ label: '高考', start: sh('2026-06-07T00:00'), end: sh('2026-06-10T00:00') }],
    });
    const tasks: ConflictTask[] = [
      {
        id: 'early',
        start: sh('2026-06-03T06:00'),
        finish: sh('2026-06-03T10:00'),
        mode: SchedulingMode.Manual,
        locationId: 'U11',
      },
      { id: 'late', start: sh('2026-06-03T16:00'), finish: sh('2026-06-03T19:30'), mode: SchedulingMode.Automatic },
      { id: 'pinned', start: sh('2026-06-05T08:00'), finish: sh('2026-06-11T12:00'), mode: SchedulingMode.Manual },
      { id: 'auto', start: sh('2026-06-05T08:00'), finish: sh('2026-06-11T12:00'), mode: SchedulingMode.Automatic },
    ];
    const found = detectConflicts({
      tasks,
      range: { start: sh('2026-06-01T00:00'), end: sh('2026-06-15T00:00') },
      calendar,
    });
    expect(
      found.map((c) => [c.kind, c.taskIds[0], shl(c.window.start), shl(c.window.end), c.blackoutLabels ?? []]),
    ).toEqual([
      ['outside-working-time', 'early', '2026-06-03T06:00', '2026-06-03T08:00', []],
      ['outside-working-time', 'late', '2026-06-03T18:00', '2026-06-03T19:30', []],
      ['blackout', 'pinned', '2026-06-07T00:00', '2026-06-10T00:00', ['高考']],
    ]);
  });

  it('finds a cut overlapping work that needs the utility at the cut locations or inside them', () => {
    const tasks: ConflictTask[] = [
      {
        id: 'cut',
        ...day('08:00', '12:00'),
        locationId: 'B1',
        needsUtilities: [InterruptionKind.Power],
        interruption: {
          kind: InterruptionKind.Power,
          locationIds: ['B1', 'U11'],
          start: sh('2026-03-02T09:00'),
          finish: sh('2026-03-02T11:00'),
        },
      },
      {
        id: 'welding',
        ...day('10:00', '14:00'),
        locationId: 'U11',
        needsUtilities: [InterruptionKind.Power, InterruptionKind.Water],
      },
      { id: 'elsewhere', ...day('08:00', '18:00'), locationId: 'B2', needsUtilities: [InterruptionKind.Power] },
      { id: 'plumbing', ...day('08:00', '18:00'), locationId: 'U12', needsUtilities: [InterruptionKind.Water] },
      { id: 'compound-wide', ...day('08:00', '18:00'), locationId: 'C1', needsUtilities: [InterruptionKind.Power] },
    ];
    const found = detectConflicts({ tasks, range: RANGE, locationParents: parents }).filter(
      (c) => c.kind === 'utility-interruption',
    );
    expect(found).toEqual([
      {
        kind: 'utility-interruption',
        key: 'utility-interruption|cut|welding|power',
        taskIds: ['cut', 'welding'],
        window: { start: sh('2026-03-02T10:00'), end: sh('2026-03-02T11:00') },
        locationId: 'U11',
        utility: InterruptionKind.Power,
      },
    ]);
  });

  it('keeps only conflicts overlapping the range, in a deterministic order whatever the input order', () => {
    const tasks: ConflictTask[] = [
      { id: 'a', ...day('08:00', '12:00'), crewId: 'X' },
      { id: 'b', ...day('09:00', '10:00'), crewId: 'X' },
      { id: 'c', ...day('09:30', '11:00'), crewId: 'X' },
      { id: 'd', start: sh('2026-03-03T08:00'), finish: sh('2026-03-03T09:00'), crewId: 'X' },
      { id: 'e', start: sh('2026-03-03T08:30'), finish: sh('2026-03-03T09:00'), crewId: 'X' },
    ];
    const forward = detectConflicts({ tasks, range: RANGE });
    const backward = detectConflicts({ tasks: [...tasks].reverse(), range: RANGE });
    expect(summary(forward)).toEqual([
      'crew-double-booking a+b 09:00-10:00 X',
      'crew-double-booking b+c 09:30-10:00 X',
      'crew-double-booking a+c 09:30-11:00 X',
    ]);
    expect(backward).toEqual(forward);
  });
});
