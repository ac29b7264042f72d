import { LinkInput, ProjectInput, TaskConstraint, TaskInput } from '@worksite/scheduling-engine';
import { ConstraintType, DependencyType, ScheduledAs, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { instantOf } from '@worksite/shared-util-time';
import { InstantLike, toMillis } from './instant';

/** The fields of a stored task the engine reads (a database row or a schedule payload item). */
export interface StoredTask {
  readonly id: string;
  /** A TaskStatus value (payloads carry it as a plain string). */
  readonly status: string;
  /** A SchedulingMode value. */
  readonly schedulingMode: string;
  /** A ConstraintType value, or null. */
  readonly constraintType: string | null;
  readonly constraintAt: InstantLike | null;
  readonly plannedStart: InstantLike;
  readonly plannedFinish: InstantLike;
  readonly durationMinutes: number;
}

/** The fields of a stored dependency the engine reads. */
export interface StoredLink {
  readonly id: string;
  readonly predecessorId: string;
  readonly successorId: string;
  /** A DependencyType value. */
  readonly type: string;
  readonly lagMinutes: number;
}

/** The fields of a project the engine reads. */
export interface StoredProject {
  readonly startDate: string;
  readonly timeZone: string;
}

/**
 * How the stored plan is read into the engine:
 * - `plan`: the schedule proper (GET schedule, recompute, chains, critical path).
 * - `hold`: re-scheduling after an edit, and the browser's preview of an edit. Automatic tasks
 *   are also held no earlier than their planned start, so the engine only ever pushes work
 *   later: an edit never pulls a crew's work earlier than it was told (a recompute does, when
 *   a coordinator asks for it).
 * - `as-planned`: every task pinned at its planned dates, so that the engine's violations are
 *   exactly the dependencies and constraints the stored plan breaks (conflicts).
 */
export type EngineReading = 'plan' | 'hold' | 'as-planned';

/**
 * How a task enters the network. Cancelled tasks are left out (and their links skipped):
 * nobody waits for work that will not happen. Done and in-progress tasks are pinned at their
 * planned dates like manual ones: work that has started has a fixed start, and the stored
 * dates are the best record of it. Everything else (planned, ready, blocked) follows its mode.
 */
export function scheduledAsOf(task: Pick<StoredTask, 'status' | 'schedulingMode'>): ScheduledAs {
  if (task.status === TaskStatus.Cancelled) return 'excluded';
  if (task.schedulingMode === SchedulingMode.Manual) return 'manual';
  return task.status === TaskStatus.Done || task.status === TaskStatus.InProgress ? 'manual' : 'automatic';
}

/** The task's constraint as the engine takes it, or null. */
export function constraintOf(task: Pick<StoredTask, 'constraintType' | 'constraintAt'>): TaskConstraint | null {
  if (!task.constraintType || task.constraintAt === null) return null;
  return { type: task.constraintType as ConstraintType, at: toMillis(task.constraintAt) };
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
export function toEngineTask(task: StoredTask, reading: EngineReading = 'plan'): TaskInput | null {
  const as = scheduledAsOf(task);
  if (as === 'excluded') return null;
  const start = toMillis(task.plannedStart);
  const pinned = as === 'manual' || reading === 'as-planned';
  const constraint = constraintOf(task);
  return {
    id: task.id,
    duration: task.durationMinutes,
    mode: pinned ? SchedulingMode.Manual : SchedulingMode.Automatic,
    constraint: !pinned && reading === 'hold' ? heldAtPlannedStart(constraint, start) : constraint,
    start,
    finish: toMillis(task.plannedFinish),
  };
}

/** One dependency as engine input. */
export function toEngineLink(link: StoredLink): LinkInput {
  return {
    id: link.id,
    predecessorId: link.predecessorId,
    successorId: link.successorId,
    type: link.type as DependencyType,
    lag: link.lagMinutes,
  };
}

/** The engine's project start: local midnight of the project's start date in its zone. */
export function projectStartOf(project: StoredProject): number {
  return instantOf(project.startDate, '00:00', project.timeZone).getTime();
}

/** A whole project as engine input, with how each task entered it. */
export interface EngineProject {
  readonly input: ProjectInput;
  readonly scheduledAs: ReadonlyMap<string, ScheduledAs>;
}

/**
 * Maps the stored rows of a project to the engine's input. Links touching a task that is left
 * out, or that is not among `tasks` at all (a payload may hold links to tasks its reader cannot
 * see), are skipped: the engine only gets whole links.
 */
export function toEngineProject(
  project: StoredProject,
  tasks: readonly StoredTask[],
  links: readonly StoredLink[],
  reading: EngineReading = 'plan',
): EngineProject {
  const scheduledAs = new Map<string, ScheduledAs>();
  const inputs: TaskInput[] = [];
  for (const task of tasks) {
    const input = toEngineTask(task, reading);
    scheduledAs.set(task.id, scheduledAsOf(task));
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
