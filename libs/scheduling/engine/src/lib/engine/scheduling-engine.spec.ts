import { ConstraintType, DependencyType, SchedulingMode } from '@worksite/shared-domain';
import { ALWAYS_UTC, DAY_MINUTES } from '../../testing/calendars';
import { WorkingCalendar } from '../calendar/working-calendar';
import { ProjectInput } from '../model/project-input';
import { TaskMove } from '../model/schedule-result';
import { ChangeOutcome, SchedulingEngine } from './scheduling-engine';

const T0 = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;
const utc = WorkingCalendar.compile(ALWAYS_UTC);

/** A → B → C chain plus an independent D; one day each. */
function chain(): ProjectInput {
  return {
    start: T0,
    tasks: ['A', 'B', 'C', 'D'].map((id) => ({ id, duration: DAY_MINUTES })),
    links: [
      { id: 'AB', predecessorId: 'A', successorId: 'B' },
      { id: 'BC', predecessorId: 'B', successorId: 'C' },
    ],
  };
}

function engineOf(project: ProjectInput = chain()): SchedulingEngine {
  const created = SchedulingEngine.create(project, utc);
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  return created.engine;
}

/** Moves as [id, from start day, to start day] (null for added/removed). */
function days(moved: readonly TaskMove[] | undefined): [string, number | null, number | null][] {
  return (moved ?? []).map((m) => [
    m.id,
    m.from ? (m.from.start - T0) / DAY : null,
    m.to ? (m.to.start - T0) / DAY : null,
  ]);
}

function movedOf(outcome: ChangeOutcome) {
  return days(ok(outcome));
}

const startDay = (engine: SchedulingEngine, id: string) => ((engine.task(id)?.start ?? Number.NaN) - T0) / DAY;

describe('SchedulingEngine incremental changes', () => {
  it('moves an automatic task by giving it a start-no-earlier-than, and its successors follow', () => {
    const engine = engineOf();
    expect(movedOf(engine.apply({ kind: 'move-task', taskId: 'B', start: T0 + 3 * DAY }))).toEqual([
      ['B', 1, 3],
      ['C', 2, 4],
    ]);
    // Dragged before its predecessor allows: it stays where the link puts it.
    expect(movedOf(engine.apply({ kind: 'move-task', taskId: 'B', start: T0 }))).toEqual([
      ['B', 3, 1],
      ['C', 4, 2],
    ]);
    expect(engine.task('B')?.start).toBe(T0 + DAY);
  });

  it('moves a manual task exactly and keeps its working duration', () => {
    const engine = engineOf();
    engine.apply({ kind: 'set-mode', taskId: 'B', mode: SchedulingMode.Manual });
    expect(movedOf(engine.apply({ kind: 'move-task', taskId: 'B', start: T0 }))).toEqual([
      ['B', 1, 0],
      ['C', 2, 1],
    ]);
    expect(engine.task('B')?.finish).toBe(T0 + DAY);
    expect(engine.violations()).toEqual([
      expect.objectContaining({ kind: 'dependency', taskId: 'B', linkId: 'AB', byMinutes: DAY_MINUTES }),
    ]);
  });

  it('resizes a task and propagates only to what depends on it', () => {
    const engine = engineOf();
    expect(movedOf(engine.apply({ kind: 'resize-task', taskId: 'A', duration: 2 * DAY_MINUTES }))).toEqual([
      ['A', 0, 0],
      ['B', 1, 2],
      ['C', 2, 3],
    ]);
    expect(engine.task('D')?.start).toBe(T0);
  });

  it('pins a task where it is when it becomes manual, and reschedules it when automatic again', () => {
    const engine = engineOf();
    expect(movedOf(engine.apply({ kind: 'set-mode', taskId: 'C', mode: SchedulingMode.Manual }))).toEqual([]);
    expect(movedOf(engine.apply({ kind: 'resize-task', taskId: 'A', duration: 3 * DAY_MINUTES }))).toEqual([
      ['A', 0, 0],
      ['B', 1, 3],
    ]);
    expect(movedOf(engine.apply({ kind: 'set-mode', taskId: 'C', mode: SchedulingMode.Automatic }))).toEqual([
      ['C', 2, 4],
    ]);
  });

  it('adds, changes and removes links', () => {
    const engine = engineOf();
    expect(
      movedOf(
        engine.apply({ kind: 'add-link', link: { id: 'CD', predecessorId: 'C', successorId: 'D', lag: DAY_MINUTES } }),
      ),
    ).toEqual([['D', 0, 4]]);
    expect(movedOf(engine.apply({ kind: 'update-link', linkId: 'CD', type: DependencyType.SS }))).toEqual([
      ['D', 4, 3],
    ]);
    expect(movedOf(engine.apply({ kind: 'remove-link', linkId: 'AB' }))).toEqual([
      ['B', 1, 0],
      ['C', 2, 1],
      ['D', 3, 2],
    ]);
  });

  it('rejects a link that closes a cycle, naming its tasks, and changes nothing', () => {
    const engine = engineOf();
    const before = engine.result();
    const outcome = engine.apply({ kind: 'add-link', link: { id: 'CA', predecessorId: 'C', successorId: 'A' } });
    expect(outcome).toEqual({
      ok: false,
      error: { kind: 'cycle', taskIds: ['A', 'B', 'C'], linkIds: ['AB', 'BC', 'CA'] },
    });
    expect(engine.result()).toEqual(before);
    expect(movedOf(engine.apply({ kind: 'resize-task', taskId: 'B', duration: 2 * DAY_MINUTES }))).toEqual([
      ['B', 1, 1],
      ['C', 2, 3],
    ]);
  });

  it('adds and removes tasks (from/to null), removing their links', () => {
    const engine = engineOf();
    expect(
      movedOf(
        engine.apply([
          { kind: 'add-task', task: { id: 'E', duration: DAY_MINUTES } },
          { kind: 'add-link', link: { id: 'EB', predecessorId: 'E', successorId: 'B', lag: DAY_MINUTES } },
        ]),
      ),
    ).toEqual([
      ['E', null, 0],
      ['B', 1, 2],
      ['C', 2, 3],
    ]);
    expect(movedOf(engine.apply({ kind: 'remove-task', taskId: 'E' }))).toEqual([
      ['E', 0, null],
      ['B', 2, 1],
      ['C', 3, 2],
    ]);
    expect(engine.result().links.map((l) => l.id)).toEqual(['AB', 'BC']);
    expect(engine.taskCount).toBe(4);
  });

  it('applies a batch atomically: one bad change rejects all', () => {
    const engine = engineOf();
    const before = engine.result();
    const outcome = engine.apply([
      { kind: 'resize-task', taskId: 'A', duration: 5 * DAY_MINUTES },
      { kind: 'remove-link', linkId: 'nope' },
    ]);
    expect(outcome).toEqual({ ok: false, error: { kind: 'unknown-link', linkId: 'nope' } });
    expect(engine.result()).toEqual(before);
  });

  it('updates a task to new inputs as if it had been created with them, its links kept', () => {
    const edited = chain();
    const inputs = {
      B: {
        id: 'B',
        duration: 2 * DAY_MINUTES,
        constraint: { type: ConstraintType.StartNoEarlierThan, at: T0 + 3 * DAY },
      },
      D: { id: 'D', duration: DAY_MINUTES, mode: SchedulingMode.Manual, start: T0 + 5 * DAY, finish: T0 + 6 * DAY },
    };
    const engine = engineOf();
    const outcome = engine.apply([
      { kind: 'update-task', task: inputs.B },
      { kind: 'update-task', task: inputs.D },
    ]);
    expect(movedOf(outcome)).toEqual([
      ['D', 0, 5],
      ['B', 1, 3],
      ['C', 2, 5],
    ]);
    const fresh = engineOf({
      ...edited,
      tasks: edited.tasks.map((task) => inputs[task.id as 'B' | 'D'] ?? task),
    });
    expect(engine.result()).toEqual(fresh.result());
    expect(engine.apply({ kind: 'update-task', task: { id: 'Z', duration: 1 } })).toEqual({
      ok: false,
      error: { kind: 'unknown-task', taskId: 'Z' },
    });
  });

  it('reports unknown tasks and invalid values', () => {
    const engine = engineOf();
    expect(engine.apply({ kind: 'move-task', taskId: 'Z', start: T0 })).toEqual({
      ok: false,
      error: { kind: 'unknown-task', taskId: 'Z' },
    });
    expect(engine.apply({ kind: 'resize-task', taskId: 'A', duration: Number.NaN })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-value' },
    });
    expect(engine.apply({ kind: 'add-task', task: { id: 'A', duration: 1 } })).toEqual({
      ok: false,
      error: { kind: 'duplicate-id', entity: 'task', id: 'A' },
    });
    expect(
      engine.apply({ kind: 'set-constraint', taskId: 'A', constraint: { type: 'x' as ConstraintType, at: T0 } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'invalid-value', field: 'constraint.type' },
    });
  });
});

describe('SchedulingEngine what-if previews', () => {
  it('previews without committing, each preview replacing the last, relative to the committed schedule', () => {
    const engine = engineOf();
    const committed = engine.result();
    expect(days(ok(engine.preview({ kind: 'move-task', taskId: 'A', start: T0 + DAY })))).toEqual([
      ['A', 0, 1],
      ['B', 1, 2],
      ['C', 2, 3],
    ]);
    expect(days(ok(engine.preview({ kind: 'move-task', taskId: 'B', start: T0 + 2 * DAY })))).toEqual([
      ['B', 1, 2],
      ['C', 2, 3],
    ]);
    expect(engine.hasPendingPreview).toBe(true);
    expect(startDay(engine, 'A')).toBe(0);
    expect(days(ok(engine.discard()))).toEqual([
      ['B', 2, 1],
      ['C', 3, 2],
    ]);
    expect(engine.result()).toEqual(committed);
  });

  it('commits a preview', () => {
    const engine = engineOf();
    engine.preview({ kind: 'resize-task', taskId: 'C', duration: 3 * DAY_MINUTES });
    engine.commit();
    expect(engine.hasPendingPreview).toBe(false);
    expect(engine.task('C')?.finish).toBe(T0 + 5 * DAY);
    expect(days(ok(engine.discard()))).toEqual([]);
  });

  it('keeps the pending preview when a new preview is rejected', () => {
    const engine = engineOf();
    engine.preview({ kind: 'move-task', taskId: 'A', start: T0 + DAY });
    const rejected = engine.preview({ kind: 'add-link', link: { id: 'CA', predecessorId: 'C', successorId: 'A' } });
    expect(rejected.ok).toBe(false);
    expect(startDay(engine, 'A')).toBe(1);
    expect(startDay(engine, 'C')).toBe(3);
  });

  it('previews structural edits (task and link removal) and restores them on discard', () => {
    const engine = engineOf();
    const committed = engine.result();
    expect(
      days(
        ok(
          engine.preview([
            { kind: 'remove-task', taskId: 'A' },
            { kind: 'add-link', link: { id: 'DB', predecessorId: 'D', successorId: 'B', lag: 2 * DAY_MINUTES } },
          ]),
        ),
      ),
    ).toEqual([
      ['A', 0, null],
      ['B', 1, 3],
      ['C', 2, 4],
    ]);
    engine.discard();
    expect(engine.result()).toEqual(committed);
  });
});

function ok(outcome: ChangeOutcome): readonly TaskMove[] {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome.moved;
}
