import { ConstraintType, DependencyType, SchedulingMode } from '@worksite/shared-domain';

/** A date constraint on a task; `at` is an instant (epoch ms). */
export interface TaskConstraint {
  readonly type: ConstraintType;
  readonly at: number;
}

/**
 * A task as the engine sees it. Durations are working minutes of the project calendar.
 *
 * - automatic (default): placed as early as links, the project start and its constraint allow;
 *   `start`/`finish`, when given, are only its current dates (used to report what moved).
 * - manual: pinned at `start`/`finish`; the engine never moves it and reports violations.
 *   Without `finish` it lasts `duration` working minutes from `start`; without `start` it
 *   is pinned at the project start.
 */
export interface TaskInput {
  readonly id: string;
  readonly duration: number;
  readonly mode?: SchedulingMode;
  readonly constraint?: TaskConstraint | null;
  readonly start?: number | null;
  readonly finish?: number | null;
}

/** A dependency predecessor → successor; `lag` in working minutes, may be negative. */
export interface LinkInput {
  readonly id: string;
  readonly predecessorId: string;
  readonly successorId: string;
  /** Default FS. */
  readonly type?: DependencyType;
  /** Default 0. */
  readonly lag?: number;
}

/** Everything needed to schedule one project (its calendar is passed separately). */
export interface ProjectInput {
  /** Automatic tasks never start before this instant. */
  readonly start: number;
  /** Optional deadline: late dates are computed against it instead of the latest finish. */
  readonly deadline?: number | null;
  readonly tasks: readonly TaskInput[];
  readonly links: readonly LinkInput[];
}
