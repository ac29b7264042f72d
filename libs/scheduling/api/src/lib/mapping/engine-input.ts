import { ConflictTask } from '@worksite/scheduling-engine';
import { StoredLink, StoredProject, StoredTask } from '@worksite/scheduling-network';
import { ConstraintType, DependencyType, InterruptionKind, SchedulingMode, TaskStatus } from '@worksite/shared-domain';

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

/** The columns of a task row conflict detection reads besides the dates. */
export interface ConflictSourceTask extends NetworkTask {
  readonly crewId: string | null;
  readonly locationId: string | null;
  readonly departmentId: string;
  readonly needsUtilities: readonly InterruptionKind[];
  readonly interruptionKind: InterruptionKind | null;
  readonly interruptionStartsAt: Date | null;
  readonly interruptionEndsAt: Date | null;
  readonly interruptionLocationIds: readonly string[];
}

/**
 * A task as conflict detection sees it: at its planned dates (what the crews are told), with
 * its own mode (an engine-placed task that has started still avoids blackouts by
 * construction). A cut without named locations cuts the task's own location.
 */
export function toConflictTask(task: ConflictSourceTask): ConflictTask {
  const cut =
    task.interruptionKind && task.interruptionStartsAt && task.interruptionEndsAt
      ? {
          kind: task.interruptionKind,
          locationIds: task.interruptionLocationIds.length
            ? task.interruptionLocationIds
            : task.locationId
              ? [task.locationId]
              : [],
          start: task.interruptionStartsAt.getTime(),
          finish: task.interruptionEndsAt.getTime(),
        }
      : null;
  return {
    id: task.id,
    start: task.plannedStart.getTime(),
    finish: task.plannedFinish.getTime(),
    mode: task.schedulingMode,
    crewId: task.crewId,
    locationId: task.locationId,
    departmentId: task.departmentId,
    needsUtilities: task.needsUtilities,
    interruption: cut,
  };
}
