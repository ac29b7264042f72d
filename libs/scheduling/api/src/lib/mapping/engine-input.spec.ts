import { ScheduledTask, SchedulingEngine, WorkingCalendar } from '@worksite/scheduling-engine';
import { ConstraintType, DependencyType, InterruptionKind, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { linkRow, projectRow, taskRow } from '../../testing/rows';
import { projectStartOf, toEngineLink, toEngineProject, toEngineTask } from '@worksite/scheduling-network';
import { toConflictTask } from './engine-input';

/** Shanghai is UTC+8 all year: local 08:00 is 00:00Z. */
const at = (local: string) => Date.parse(`${local}+08:00`);
const date = (local: string) => new Date(at(local));

// scheduledAsOf's table is in @worksite/scheduling-network; these read TypeORM-shaped rows.
describe('engine input from stored rows', () => {
  describe('toEngineTask', () => {
    const planned = { plannedStart: date('2026-11-04T08:00'), plannedFinish: date('2026-11-04T12:00') };

    it('passes an automatic task with its duration, constraint and current dates', () => {
      const task = taskRow({
        id: 'a',
        ...planned,
        constraintType: ConstraintType.FinishNoLaterThan,
        constraintAt: date('2026-11-06T18:00'),
      });
      expect(toEngineTask(task)).toEqual({
        id: 'a',
        duration: 240,
        mode: SchedulingMode.Automatic,
        constraint: { type: ConstraintType.FinishNoLaterThan, at: at('2026-11-06T18:00') },
        start: at('2026-11-04T08:00'),
        finish: at('2026-11-04T12:00'),
      });
    });

    it('pins manual, done and in-progress tasks at their planned dates, and leaves cancelled ones out', () => {
      for (const fields of [
        { schedulingMode: SchedulingMode.Manual },
        { status: TaskStatus.Done, progress: 100 },
        { status: TaskStatus.InProgress, progress: 40 },
      ]) {
        expect(toEngineTask(taskRow({ id: 'p', ...planned, ...fields }))).toMatchObject({
          mode: SchedulingMode.Manual,
          start: at('2026-11-04T08:00'),
          finish: at('2026-11-04T12:00'),
        });
      }
      expect(toEngineTask(taskRow({ id: 'x', status: TaskStatus.Cancelled }))).toBeNull();
    });

    it('holds automatic tasks no earlier than their planned start when re-scheduling after an edit', () => {
      const hold = (fields: object) => toEngineTask(taskRow({ id: 'h', ...planned, ...fields }), 'hold')?.constraint;
      const snet = (local: string) => ({ type: ConstraintType.StartNoEarlierThan, at: at(local) });
      expect(hold({})).toEqual(snet('2026-11-04T08:00'));
      expect(
        hold({ constraintType: ConstraintType.StartNoEarlierThan, constraintAt: date('2026-11-02T08:00') }),
      ).toEqual(snet('2026-11-04T08:00'));
      expect(
        hold({ constraintType: ConstraintType.StartNoEarlierThan, constraintAt: date('2026-11-05T08:00') }),
      ).toEqual(snet('2026-11-05T08:00'));
      expect(
        hold({ constraintType: ConstraintType.FinishNoLaterThan, constraintAt: date('2026-11-09T08:00') }),
      ).toEqual(snet('2026-11-04T08:00'));
      expect(hold({ constraintType: ConstraintType.MustStartOn, constraintAt: date('2026-11-05T08:00') })).toEqual({
        type: ConstraintType.MustStartOn,
        at: at('2026-11-05T08:00'),
      });
      // Pinned tasks keep their own constraint (it is only reported).
      expect(hold({ schedulingMode: SchedulingMode.Manual })).toBeNull();
    });

    it('pins every task where it is planned when reading the plan as stored', () => {
      expect(toEngineTask(taskRow({ id: 'a', ...planned }), 'as-planned')).toMatchObject({
        mode: SchedulingMode.Manual,
        start: at('2026-11-04T08:00'),
        finish: at('2026-11-04T12:00'),
        constraint: null,
      });
    });
  });

  it('starts the project at local midnight of its start date in its zone', () => {
    expect(projectStartOf(projectRow())).toBe(Date.parse('2026-11-01T16:00:00Z'));
    expect(projectStartOf(projectRow({ timeZone: 'Europe/Berlin' }))).toBe(Date.parse('2026-11-01T23:00:00Z'));
  });

  it('maps links with their type and lag, skipping those of left-out tasks', () => {
    expect(toEngineLink(linkRow('l', 'a', 'b', DependencyType.SF, -60))).toEqual({
      id: 'l',
      predecessorId: 'a',
      successorId: 'b',
      type: DependencyType.SF,
      lag: -60,
    });
    const { input, scheduledAs } = toEngineProject(
      projectRow(),
      [taskRow({ id: 'a' }), taskRow({ id: 'c', status: TaskStatus.Cancelled }), taskRow({ id: 'd' })],
      [linkRow('ac', 'a', 'c'), linkRow('cd', 'c', 'd'), linkRow('ad', 'a', 'd')],
    );
    expect(input.tasks.map((t) => t.id)).toEqual(['a', 'd']);
    expect(input.links.map((l) => l.id)).toEqual(['ad']);
    expect(scheduledAs.get('c')).toBe('excluded');
  });

  /**
   * Default calendar (Mon–Fri 08–12, 14–18), project from Monday 2026-11-02:
   *   A automatic 4 h                → Mon 08:00–12:00
   *   B automatic 8 h, FS A          → Mon 14:00 – Tue 12:00 (the noon break and the night are skipped)
   *   C cancelled, between A and D   → left out, so D is not held by it
   *   D automatic 2 h, FS C          → Mon 08:00–10:00 (project start)
   *   M manual Mon 08:00–10:00, FS A → stays, violation: 4 working hours too early
   *   E done Tue 08:00–09:00, FS B   → stays where it happened, violation: B finishes Tue 12:00, 4 h later
   */
  it('schedules a hand-checked network the way the rules say', () => {
    const tasks = [
      taskRow({ id: 'A', durationMinutes: 240 }),
      taskRow({ id: 'B', durationMinutes: 480 }),
      taskRow({ id: 'C', status: TaskStatus.Cancelled }),
      taskRow({ id: 'D', durationMinutes: 120 }),
      taskRow({
        id: 'M',
        schedulingMode: SchedulingMode.Manual,
        plannedStart: date('2026-11-02T08:00'),
        plannedFinish: date('2026-11-02T10:00'),
      }),
      taskRow({
        id: 'E',
        status: TaskStatus.Done,
        plannedStart: date('2026-11-03T08:00'),
        plannedFinish: date('2026-11-03T09:00'),
      }),
    ];
    const links = [
      linkRow('AB', 'A', 'B'),
      linkRow('AC', 'A', 'C'),
      linkRow('CD', 'C', 'D'),
      linkRow('AM', 'A', 'M'),
      linkRow('BE', 'B', 'E'),
    ];
    const { input } = toEngineProject(projectRow(), tasks, links);
    const created = SchedulingEngine.create(input, WorkingCalendar.compile({ timeZone: 'Asia/Shanghai' }));
    if (!created.ok) throw new Error(created.error.kind);
    const result = created.engine.result();
    const span = (id: string) => {
      const t = result.tasks.find((task) => task.id === id) as ScheduledTask;
      return [new Date(t.start).toISOString(), new Date(t.finish).toISOString()];
    };
    expect(span('A')).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-02T04:00:00.000Z']);
    expect(span('B')).toEqual(['2026-11-02T06:00:00.000Z', '2026-11-03T04:00:00.000Z']);
    expect(span('D')).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-02T02:00:00.000Z']);
    expect(span('M')).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-02T02:00:00.000Z']);
    expect(span('E')).toEqual(['2026-11-03T00:00:00.000Z', '2026-11-03T01:00:00.000Z']);
    expect(result.violations.map((v) => [v.taskId, v.kind, v.byMinutes]).sort()).toEqual([
      ['E', 'dependency', 240],
      ['M', 'dependency', 240],
    ]);
  });

  it('reads a task for conflict detection at its planned dates, a cut without locations cutting its own', () => {
    const cut = taskRow({
      id: 'cut',
      crewId: 'crew',
      locationId: 'building',
      needsUtilities: [InterruptionKind.Water],
      interruptionKind: InterruptionKind.Power,
      interruptionStartsAt: date('2026-11-02T09:00'),
      interruptionEndsAt: date('2026-11-02T11:00'),
    });
    expect(toConflictTask(cut)).toEqual({
      id: 'cut',
      start: at('2026-11-02T08:00'),
      finish: at('2026-11-02T12:00'),
      mode: SchedulingMode.Automatic,
      crewId: 'crew',
      locationId: 'building',
      departmentId: 'power',
      needsUtilities: [InterruptionKind.Water],
      interruption: {
        kind: InterruptionKind.Power,
        locationIds: ['building'],
        start: at('2026-11-02T09:00'),
        finish: at('2026-11-02T11:00'),
      },
    });
    expect(toConflictTask({ ...cut, interruptionLocationIds: ['u1', 'u2'] }).interruption?.locationIds).toEqual([
      'u1',
      'u2',
    ]);
    expect(toConflictTask(taskRow({ id: 'plain' })).interruption).toBeNull();
  });
});
