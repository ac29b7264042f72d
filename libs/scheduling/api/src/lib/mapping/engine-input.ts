import { StoredLink, StoredProject, StoredTask } from '@worksite/scheduling-network';
import { ConstraintType, DependencyType, SchedulingMode, TaskStatus } from '@worksite/shared-domain';

// How a stored task enters the engine is shared with the web app: @worksite/scheduling-network.

/** The columns of a task row the engine reads. */
export interface NetworkTask extends StoredTask {
  readonly id: string;
  readonly status: TaskStatus;
  readonly schedulingMode: SchedulingMode;
  readonly constraintType: ConstraintType | null;
  readonly constraintAt: Date | null;
  readonly plannedStart: Date;
  readonly plannedFinish: Date;
  readonly durationMinutes: number;
}

/** The columns of a dependency row the engine reads. */
export interface NetworkLink extends StoredLink {
  readonly id: string;
  readonly predecessorId: string;
  readonly successorId: string;
  readonly type: DependencyType;
  readonly lagMinutes: number;
}

/** The columns of a project row the engine reads. */
export interface NetworkProject extends StoredProject {
  readonly startDate: string;
  readonly timeZone: string;
}

/** How a stored task enters conflict detection (shared with the demo seed). */
export { toConflictTask } from '@worksite/scheduling-network';
