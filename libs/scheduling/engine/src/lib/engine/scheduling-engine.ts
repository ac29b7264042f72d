import { CalendarSpec } from '../calendar/calendar-spec';
import { WorkingCalendar } from '../calendar/working-calendar';
import { ProjectInput } from '../model/project-input';
import { ScheduleChange } from '../model/schedule-change';
import { Outcome } from '../model/schedule-error';
import { ScheduleResult, ScheduledTask, TaskMove, TimeSpan, Violation } from '../model/schedule-result';
import { applyChange } from './apply-change';
import { backwardPass } from './backward-pass';
import { buildState } from './build-state';
import { EngineCore } from './engine-core';
import { forwardPass } from './forward-pass';
import { buildScheduleResult, ensureLateDates, scheduledTaskAt } from './snapshot';
import { collectViolations } from './violations';

/** Result of applying or previewing changes: the tasks whose dates moved. */
export type ChangeOutcome = Outcome<{ readonly moved: readonly TaskMove[] }>;

/**
 * A project held in memory for fast rescheduling: build once, then apply changes that only
 * recompute what depends on them.
 *
 * Edits happen in sessions: {@link preview} applies changes tentatively (a new preview
 * replaces the previous one), {@link commit} keeps them, {@link discard} drops them;
 * {@link apply} is preview + commit. Reported moves are always relative to the last commit.
 * Early dates are updated at once; late dates and floats are recomputed on demand.
 */
export class SchedulingEngine {
  private pending: readonly ScheduleChange[] | null = null;

  private constructor(private readonly core: EngineCore) {}

  /** Builds an engine, or reports why the project cannot be scheduled (e.g. a cycle). */
  static create(
    project: ProjectInput,
    calendar: WorkingCalendar | CalendarSpec = {},
  ): Outcome<{ engine: SchedulingEngine }> {
    const compiled = calendar instanceof WorkingCalendar ? calendar : WorkingCalendar.compile(calendar);
    const built = buildState(project, compiled);
    if (!built.ok) return built;
    return { ok: true, engine: new SchedulingEngine(new EngineCore(built.state)) };
  }

  /** The calendar the engine schedules with. */
  get calendar(): WorkingCalendar {
    return this.core.state.calendar;
  }

  /** True while a preview is waiting for commit or discard. */
  get hasPendingPreview(): boolean {
    return this.pending !== null;
  }

  /** Number of live tasks. */
  get taskCount(): number {
    return this.core.state.tasks.index.size;
  }

  /** Recomputes everything from scratch: early dates, late dates, total and free floats. */
  recompute(): void {
    forwardPass(this.core.state);
    backwardPass(this.core.state);
  }

  /** The full schedule (runs the backward pass first if an edit made it stale). */
  result(): ScheduleResult {
    return buildScheduleResult(this.core.state);
  }

  /** A task's current dates only; cheap (no late dates), for redrawing while dragging. */
  span(id: string): TimeSpan | undefined {
    const s = this.core.state;
    const i = s.tasks.index.get(id);
    return i === undefined ? undefined : { start: s.startOf(i), finish: s.finishOf(i) };
  }

  /** One task's full schedule (late dates and floats too), or undefined for an unknown id. */
  task(id: string): ScheduledTask | undefined {
    const s = this.core.state;
    const i = s.tasks.index.get(id);
    if (i === undefined) return undefined;
    ensureLateDates(s);
    return scheduledTaskAt(s, i);
  }

  /** Violations of pinned tasks (manual, must-start-on) and finish-no-later-than constraints. */
  violations(): Violation[] {
    return collectViolations(this.core.state);
  }

  /**
   * Applies changes tentatively, replacing any pending preview, and reports the tasks whose
   * dates now differ from the committed schedule. On error the pending preview is kept and
   * the engine is as before the call.
   */
  preview(changes: ScheduleChange | readonly ScheduleChange[]): ChangeOutcome {
    const list = Array.isArray(changes) ? (changes as readonly ScheduleChange[]) : [changes as ScheduleChange];
    const core = this.core;
    const previous = this.pending;
    if (previous) {
      // Back to the committed dates first: some changes (set-mode) read the current dates.
      core.rollback(0);
      core.propagate();
    }
    for (const change of list) {
      const error = applyChange(core, change);
      if (error) {
        core.rollback(0);
        if (previous) for (const c of previous) applyChange(core, c);
        core.propagate();
        return { ok: false, error };
      }
    }
    core.propagate();
    this.pending = list;
    return { ok: true, moved: core.tracker.movesSinceSessionStart(core.state) };
  }

  /** Keeps the pending preview. */
  commit(): void {
    this.core.forget();
    this.core.tracker.reset();
    this.pending = null;
  }

  /** Drops the pending preview; reports the tasks moving back to their committed dates. */
  discard(): ChangeOutcome {
    const core = this.core;
    if (this.pending === null) return { ok: true, moved: [] };
    const before = core.tracker.capture(core.state);
    core.rollback(0);
    core.propagate();
    const moved = core.tracker.diff(core.state, (i) => before.get(i));
    this.commit();
    return { ok: true, moved };
  }

  /** Applies and commits changes (discarding any pending preview); reports what moved. */
  apply(changes: ScheduleChange | readonly ScheduleChange[]): ChangeOutcome {
    const outcome = this.preview(changes);
    if (outcome.ok) this.commit();
    return outcome;
  }
}
