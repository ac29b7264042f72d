import { toEngineTask } from '@worksite/scheduling-network';
import { ConstraintType, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { at, scheduleFixture, taskFixture } from '../testing/schedule-fixture';
import { createEngine, engineProjectOf } from './engine-input';

describe('engine input from the schedule payload', () => {
  it('starts the project at local midnight of its start date', () => {
    expect(engineProjectOf(scheduleFixture(), 'plan').start).toBe(Date.parse(at('2026-03-02T00:00')));
  });

  it('pins manual, done and in-progress tasks and leaves cancelled ones out with their links', () => {
    const schedule = scheduleFixture();
    schedule.tasks[0] = { ...schedule.tasks[0], status: TaskStatus.Cancelled };
    const input = engineProjectOf(schedule, 'plan');
    expect(input.tasks.map((t) => t.id)).toEqual(['B', 'C']);
    expect(input.links).toEqual([]);
    expect(input.tasks.find((t) => t.id === 'C')?.mode).toBe(SchedulingMode.Manual);
  });

  it('holds automatic tasks at their planned start when previewing edits, as the API re-schedules', () => {
    const task = taskFixture('x', { plannedStart: at('2026-03-03T08:00') });
    expect(toEngineTask(task, 'plan')?.constraint).toBeNull();
    expect(toEngineTask(task, 'hold')?.constraint).toEqual({
      type: ConstraintType.StartNoEarlierThan,
      at: Date.parse(at('2026-03-03T08:00')),
    });
    const later = { ...task, constraintType: ConstraintType.StartNoEarlierThan, constraintAt: at('2026-03-04T08:00') };
    expect(toEngineTask(later, 'hold')?.constraint?.at).toBe(Date.parse(at('2026-03-04T08:00')));
    const pinned = { ...task, constraintType: ConstraintType.MustStartOn, constraintAt: at('2026-03-02T08:00') };
    expect(toEngineTask(pinned, 'hold')?.constraint?.type).toBe(ConstraintType.MustStartOn);
  });

  it('reproduces the stored plan and moves the successor when a task moves', () => {
    const engine = createEngine(scheduleFixture(), 'hold');
    expect(engine.span('B')).toEqual({
      start: Date.parse(at('2026-03-02T14:00')),
      finish: Date.parse(at('2026-03-02T18:00')),
    });
    const outcome = engine.preview({ kind: 'move-task', taskId: 'A', start: Date.parse(at('2026-03-03T08:00')) });
    expect(outcome.ok && outcome.moved.map((m) => [m.id, m.to && new Date(m.to.start).toISOString()])).toEqual([
      ['A', at('2026-03-03T08:00')],
      ['B', at('2026-03-03T14:00')],
    ]);
  });

  it('never pulls held work earlier when its predecessor moves earlier', () => {
    const schedule = scheduleFixture();
    schedule.tasks[1] = {
      ...schedule.tasks[1],
      plannedStart: at('2026-03-03T14:00'),
      plannedFinish: at('2026-03-03T18:00'),
    };
    const engine = createEngine(schedule, 'hold');
    const outcome = engine.preview({ kind: 'move-task', taskId: 'A', start: Date.parse(at('2026-03-02T14:00')) });
    expect(outcome.ok && outcome.moved.map((m) => m.id)).toEqual(['A']);
  });
});
