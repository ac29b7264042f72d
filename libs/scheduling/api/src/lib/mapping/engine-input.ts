import { ConflictTask, LinkInput, ProjectInput, TaskConstraint, TaskInput } from '@worksite/scheduling-engine';
import {
  ConstraintType,
  DependencyType,
  InterruptionKind,
  ScheduledAs,
  SchedulingMode,
  TaskStatus,
} from '@worksite/shared-domain';
import { instantOf } from '@worksite/shared-util-time';

/** The columns of a task row the engine reads. */
export interface NetworkTask {
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
export interface NetworkLink {
  readonly id: string;
  readonly predecessorId: string;
  readonly successorId: string;
  readonly type: DependencyType;
  readonly lagMinutes: number;
}

/** The columns of a project row the engine reads. */
export interface NetworkProject {
  readonly startDate: string;
  readonly timeZone: string;
}

/**
 * How the stored plan is read into the engine:
 * - `plan`: the schedule proper (GET schedule, recompute, chains, critical path).
 * - `hold`: re-scheduling after an edit. Automatic tasks are also held no earlier than their
 *   planned start, so the engine only ever pushes work later: an edit never pulls a crew's
 *   work earlier than it was told (a recompute does, when a coordinator asks for it).
 * - `as-planned`: every task pinned at its planned dates, so that the engine's violations
 *   are exactly the dependencies and constraints the stored plan breaks (conflicts).
 */
export type EngineReading = 'plan' | 'hold' | 'as-planned';

const PINNED_STATUSES: ReadonlySet<TaskStatus> = new Set([TaskStatus.Done, TaskStatus.InProgress]);

/**
 * How a task enters the network. Cancelled tasks are left out (and their links skipped):
 * nobody waits for work that will not happen. Done and in-progress tasks are pinned at their
 * planned dates like manual ones: work that has started has a fixed start, and the stored
 * dates are the best record of it. Everything else (planned, ready, blocked) follows its mode.
 */
export function scheduledAsOf(task: Pick<NetworkTask, 'status' | 'schedulingMode'>): ScheduledAs {
  if (task.status === TaskStatus.Cancelled) return 'excluded';
  if (task.schedulingMode === SchedulingMode.Manual || PINNED_STATUSES.has(task.status)) return 'manual';
  return 'automatic';
}

/** The task's constraint as the engine takes it, or null. */
export function constraintOf(task: Pick<NetworkTask, 'constraintType' | 'constraintAt'>): TaskConstraint | null {
  if (!task.constraintType || !task.constraintAt) return null;
  return { type: task.constraintType, at: task.constraintAt.getTime() };
}

/**
 * Start no earlier than the planned start (or the task's own later start-no-earlier-than);
 * a must-start-on already pins the start and stays. A finish-no-later-than is dropped: it
 * only tightens late dates, which re-scheduling does not read.
 */
function heldAtPlannedStart(constraint: TaskConstraint | null, plannedStart: number): TaskConstraint {
  if (constraint?.type === ConstraintType.MustStartOn) return constraint;
  const at =
    constraint?.type === ConstraintType.StartNoEarlierThan ? Math.max(constraint.at, plannedStart) : plannedStart;
  return { type: ConstraintType.StartNoEarlierThan, at };
}

/** One task as engine input, or null when it is left out of the network. */
export function toEngineTask(task: NetworkTask, reading: EngineReading = 'plan'): TaskInput | null {
  const as = scheduledAsOf(task);
  if (as === 'excluded') return null;
  const start = task.plannedStart.getTime();
  const pinned = as === 'manual' || reading === 'as-planned';
  const constraint = constraintOf(task);
  return {
    id: task.id,
    duration: task.durationMinutes,
    mode: pinned ? SchedulingMode.Manual : SchedulingMode.Automatic,
    constraint: !pinned && reading === 'hold' ? heldAtPlannedStart(constraint, start) : constraint,
    start,
    finish: task.plannedFinish.getTime(),
  };
}

/** One dependency as engine input. */
export function toEngineLink(link: NetworkLink): LinkInput {
  return {
    id: link.id,
    predecessorId: link.predecessorId,
    successorId: link.successorId,
    type: link.type,
    lag: link.lagMinutes,
  };
}

/** The engine's project start: local midnight of the project's start date in its zone. */
export function projectStartOf(project: NetworkProject): number {
  return instantOf(project.startDate, '00:00', project.timeZone).getTime();
}

/** A whole project as engine input, with how each task entered it. */
export interface EngineProject {
  readonly input: ProjectInput;
  readonly scheduledAs: ReadonlyMap<string, ScheduledAs>;
}

/** Maps the stored rows of a project to the engine's input; links touching a left-out task are skipped. */
export function toEngineProject(
  project: NetworkProject,
  tasks: readonly NetworkTask[],
  links: readonly NetworkLink[],
  reading: EngineReading = 'plan',
): EngineProject {
  const scheduledAs = new Map<string, ScheduledAs>();
  const inputs: TaskInput[] = [];
  for (const task of tasks) {
    scheduledAs.set(task.id, scheduledAsOf(task));
    const input = toEngineTask(task, reading);
    if (input) inputs.push(input);
  }
  const included = (id: string) => {
    const as = scheduledAs.get(id);
    return as !== undefined && as !== 'excluded';
  };
  return {
    input: {
      start: projectStartOf(project),
      tasks: inputs,
      links: links.filter((l) => included(l.predecessorId) && included(l.successorId)).map(toEngineLink),
    },
    scheduledAs,
  };
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
