import { DependencyType, SchedulingMode } from '@worksite/shared-domain';
import { TaskConstraint } from './project-input';

/** A task's dates: instants (epoch ms), finish >= start. */
export interface TimeSpan {
  readonly start: number;
  readonly finish: number;
}

/**
 * A scheduled task. `start`/`finish` are the early dates of an automatic task, the pinned
 * dates of a manual one. Floats and duration are in working minutes. Total float: how far
 * the task can slip without delaying the project finish (or deadline) or breaking a
 * finish-no-later-than; free float: how far without delaying any successor or the project
 * finish, never more than the total float. `critical` means total float <= 0.
 */
export interface ScheduledTask extends TimeSpan {
  readonly id: string;
  readonly mode: SchedulingMode;
  readonly duration: number;
  readonly lateStart: number;
  readonly lateFinish: number;
  readonly totalFloat: number;
  readonly freeFloat: number;
  readonly critical: boolean;
}

/**
 * A dependency with its slack in working minutes: how far the successor is beyond what the
 * link requires. 0 means the link drives the successor; negative means it is violated.
 */
export interface ScheduledLink {
  readonly id: string;
  readonly predecessorId: string;
  readonly successorId: string;
  readonly type: DependencyType;
  readonly lag: number;
  readonly slack: number;
}

/**
 * Something the schedule cannot honour for a pinned task (manual, or must-start-on).
 * `actual` and `required` are instants; `byMinutes` is the shortfall in working minutes.
 */
export type Violation =
  | {
      readonly kind: 'dependency';
      readonly taskId: string;
      readonly linkId: string;
      readonly predecessorId: string;
      readonly type: DependencyType;
      readonly lag: number;
      readonly actual: number;
      readonly required: number;
      readonly byMinutes: number;
    }
  | {
      readonly kind: 'constraint';
      readonly taskId: string;
      readonly constraint: TaskConstraint;
      readonly actual: number;
      readonly required: number;
      readonly byMinutes: number;
    };

/** The full schedule of a project. */
export interface ScheduleResult {
  readonly projectStart: number;
  /** Latest finish of all tasks (the project start when there are none). */
  readonly projectFinish: number;
  readonly deadline: number | null;
  /** In engine order: input order, then tasks added later. */
  readonly tasks: readonly ScheduledTask[];
  readonly links: readonly ScheduledLink[];
  /** Ids of the critical tasks ordered by start, finish, then id. */
  readonly criticalPath: readonly string[];
  readonly violations: readonly Violation[];
}

/** A task that moved; `from` is null for an added task, `to` null for a removed one. */
export interface TaskMove {
  readonly id: string;
  readonly from: TimeSpan | null;
  readonly to: TimeSpan | null;
}
