import { ConflictTask } from '@worksite/scheduling-engine';
import { InterruptionKind, SchedulingMode } from '@worksite/shared-domain';
import { InstantLike, toMillis } from './instant';

/** The fields of a stored task conflict detection reads. */
export interface StoredConflictTask {
  readonly id: string;
  /** A SchedulingMode value. */
  readonly schedulingMode: string;
  readonly plannedStart: InstantLike;
  readonly plannedFinish: InstantLike;
  readonly crewId: string | null;
  readonly locationId: string | null;
  readonly departmentId: string;
  /** InterruptionKind values. */
  readonly needsUtilities: readonly string[];
  readonly interruptionKind: string | null;
  readonly interruptionStartsAt: InstantLike | null;
  readonly interruptionEndsAt: InstantLike | null;
  readonly interruptionLocationIds: readonly string[];
}

/**
 * A task as conflict detection sees it: at its planned dates (what the crews are told), with
 * its own mode (an engine-placed task that has started still avoids blackouts by
 * construction). A cut without named locations cuts the task's own location. Used by the api
 * and by the demo seed, so both find the same clashes.
 */
export function toConflictTask(task: StoredConflictTask): ConflictTask {
  const cut =
    task.interruptionKind && task.interruptionStartsAt && task.interruptionEndsAt
      ? {
          kind: task.interruptionKind as InterruptionKind,
          locationIds: task.interruptionLocationIds.length
            ? task.interruptionLocationIds
            : task.locationId
              ? [task.locationId]
              : [],
          start: toMillis(task.interruptionStartsAt),
          finish: toMillis(task.interruptionEndsAt),
        }
      : null;
  return {
    id: task.id,
    start: toMillis(task.plannedStart),
    finish: toMillis(task.plannedFinish),
    mode: task.schedulingMode as SchedulingMode,
    crewId: task.crewId,
    locationId: task.locationId,
    departmentId: task.departmentId,
    needsUtilities: task.needsUtilities as readonly InterruptionKind[],
    interruption: cut,
  };
}
