import { ConflictKind, InterruptionKind, SchedulingMode } from '@worksite/shared-domain';
import { TimeRange, WorkingCalendar } from '../calendar/working-calendar';
import { Violation } from '../model/schedule-result';

/** A cut a task causes for residents: which utility, where, when. */
export interface TaskInterruption {
  readonly kind: InterruptionKind;
  readonly locationIds: readonly string[];
  readonly start: number;
  readonly finish: number;
}

/** A scheduled task as conflict detection sees it (dates as instants). */
export interface ConflictTask {
  readonly id: string;
  readonly start: number;
  readonly finish: number;
  readonly mode?: SchedulingMode;
  readonly crewId?: string | null;
  readonly locationId?: string | null;
  readonly departmentId?: string | null;
  /** Utilities the task's work needs (e.g. power for welding). */
  readonly needsUtilities?: readonly InterruptionKind[] | null;
  /** The cut the task itself causes. */
  readonly interruption?: TaskInterruption | null;
}

/** Location → its parent (unit → building → compound); roots map to null or are absent. */
export type LocationParents =
  | ReadonlyMap<string, string | null | undefined>
  | Readonly<Record<string, string | null | undefined>>;

/** The kinds of clash, listed once for the engine, the api and the web app. */
export type { ConflictKind };

/**
 * A clash. `taskIds` is sorted for symmetric kinds; it is [interrupting task, affected task]
 * for 'utility-interruption' and [predecessor, successor] for 'dependency-violation'. `window` is the overlap (not clipped to the query
 * range). `key` identifies the clash across recomputations (it leaves out the window), so
 * that a decision record can be attached to it.
 */
export interface Conflict {
  readonly kind: ConflictKind;
  readonly key: string;
  readonly taskIds: readonly string[];
  readonly window: TimeRange;
  readonly locationId?: string;
  readonly crewId?: string;
  /** Labels of the blackouts covering the window (kind 'blackout'). */
  readonly blackoutLabels?: readonly string[];
  readonly utility?: InterruptionKind;
  readonly linkId?: string;
}

export interface ConflictQuery {
  readonly tasks: readonly ConflictTask[];
  /** Only conflicts whose window overlaps this range are reported. */
  readonly range: TimeRange;
  readonly locationParents?: LocationParents;
  /** Needed for blackout and outside-working-time conflicts; skipped without it. */
  readonly calendar?: WorkingCalendar;
  /** Violations from the schedule (ScheduleResult.violations). */
  readonly violations?: readonly Violation[];
}
