import { ConstraintType, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { scheduledAsOf, StoredTask, toEngineProject, toEngineTask } from './task-entry';

const start = Date.parse('2026-12-08T00:00:00Z');
const HOUR = 3_600_000;

function task(overrides: Partial<StoredTask> = {}): StoredTask {
  return {
    id: 't1',
    status: TaskStatus.Planned,
    schedulingMode: SchedulingMode.Automatic,
    constraintType: null,
    constraintAt: null,
    plannedStart: new Date(start),
    plannedFinish: new Date(start + 4 * HOUR).toISOString(),
    durationMinutes: 240,
    ...overrides,
  };
}

describe('scheduledAsOf', () => {
  it.each([
    [TaskStatus.Planned, SchedulingMode.Automatic, 'automatic'],
    [TaskStatus.Ready, SchedulingMode.Automatic, 'automatic'],
    [TaskStatus.Blocked, SchedulingMode.Automatic, 'automatic'],
    [TaskStatus.InProgress, SchedulingMode.Automatic, 'manual'],
    [TaskStatus.Done, SchedulingMode.Automatic, 'manual'],
    [TaskStatus.Planned, SchedulingMode.Manual, 'manual'],
    [TaskStatus.Cancelled, SchedulingMode.Manual, 'excluded'],
    [TaskStatus.Cancelled, SchedulingMode.Automatic, 'excluded'],
  ])('a %s task in %s mode enters as %s', (status, schedulingMode, expected) => {
    expect(scheduledAsOf({ status, schedulingMode })).toBe(expected);
  });
});

describe('toEngineTask', () => {
  it('reads instants given as Date, ISO string or epoch ms alike', () => {
    expect(toEngineTask(task({ plannedStart: start }))).toEqual(toEngineTask(task()));
    expect(toEngineTask(task())).toMatchObject({ start, finish: start + 4 * HOUR, duration: 240 });
  });

  it('holds an automatic task at its planned start, keeping a later start-no-earlier-than and a must-start-on', () => {
    expect(toEngineTask(task(), 'hold')?.constraint).toEqual({ type: ConstraintType.StartNoEarlierThan, at: start });
    const later = start + 5 * HOUR;
    const snet = task({ constraintType: ConstraintType.StartNoEarlierThan, constraintAt: new Date(later) });
    expect(toEngineTask(snet, 'hold')?.constraint).toEqual({ type: ConstraintType.StartNoEarlierThan, at: later });
    const mso = task({ constraintType: ConstraintType.MustStartOn, constraintAt: later });
    expect(toEngineTask(mso, 'hold')?.constraint).toEqual({ type: ConstraintType.MustStartOn, at: later });
    expect(toEngineTask(task(), 'plan')?.constraint).toBeNull();
  });

  it('pins every task when reading the plan as stored, and leaves cancelled tasks out', () => {
    expect(toEngineTask(task(), 'as-planned')?.mode).toBe(SchedulingMode.Manual);
    expect(toEngineTask(task({ status: TaskStatus.Done }), 'hold')).toMatchObject({
      mode: SchedulingMode.Manual,
      constraint: null,
    });
    expect(toEngineTask(task({ status: TaskStatus.Cancelled }))).toBeNull();
  });
});

describe('toEngineProject', () => {
  it('starts at local midnight of the start date and keeps only whole links between included tasks', () => {
    const { input, scheduledAs } = toEngineProject(
      { startDate: '2026-12-08', timeZone: 'Asia/Shanghai' },
      [task({ id: 'a' }), task({ id: 'b' }), task({ id: 'c', status: TaskStatus.Cancelled })],
      [
        { id: 'ab', predecessorId: 'a', successorId: 'b', type: 'FS', lagMinutes: 30 },
        { id: 'bc', predecessorId: 'b', successorId: 'c', type: 'FS', lagMinutes: 0 },
        { id: 'ax', predecessorId: 'a', successorId: 'unseen', type: 'SS', lagMinutes: 0 },
      ],
    );
    expect(input.start).toBe(Date.parse('2026-12-07T16:00:00Z'));
    expect(input.tasks.map((t) => t.id)).toEqual(['a', 'b']);
    expect(input.links).toEqual([{ id: 'ab', predecessorId: 'a', successorId: 'b', type: 'FS', lag: 30 }]);
    expect([...scheduledAs]).toEqual([
      ['a', 'automatic'],
      ['b', 'automatic'],
      ['c', 'excluded'],
    ]);
  });
});
