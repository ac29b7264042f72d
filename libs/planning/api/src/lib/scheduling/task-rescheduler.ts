import { Actor } from '@worksite/auth-access';
import { DependencyEntity, ProjectEntity, TaskEntity } from '@worksite/server-data-access';
import { EntityManager } from 'typeorm';

/**
 * Injection token of the {@link TaskRescheduler}. Declared here and provided by
 * `@worksite/scheduling-api` (which imports planning-api), so planning-api never imports
 * the scheduling feature and the two libraries form no cycle.
 */
export const TASK_RESCHEDULER = Symbol('TaskRescheduler');

/**
 * What planning's write paths call, inside the edit's own transaction, so that the schedule
 * follows the edit. A method throws an ApiError (4xx) when the engine cannot schedule the
 * result; the edit's transaction then rolls back and nothing is written.
 */
export interface TaskRescheduler {
  /** A task was created: refuses it if the engine cannot schedule it (e.g. a constraint outside the calendar). */
  taskCreated(manager: EntityManager, actor: Actor, task: TaskEntity): Promise<void>;
  /** A task's dates, duration, mode, constraint or status changed: its automatic successors follow. */
  taskChanged(manager: EntityManager, actor: Actor, task: TaskEntity): Promise<void>;
  /** A dependency was created or its type or lag changed: the successor and its successors follow. */
  dependencyChanged(manager: EntityManager, actor: Actor, dependency: DependencyEntity): Promise<void>;
}

/** Task fields whose change can move other tasks (the engine reads them). */
export const SCHEDULE_FIELDS: readonly string[] = [
  'plannedStart',
  'plannedFinish',
  'durationMinutes',
  'schedulingMode',
  'constraintType',
  'constraintAt',
  'status',
];

/** True when a change touches a field the schedule depends on. */
export function touchesSchedule(fields: readonly string[]): boolean {
  return fields.some((field) => SCHEDULE_FIELDS.includes(field));
}

/**
 * Locks the project row (FOR UPDATE) until the transaction ends. Every write that can move
 * tasks of a project takes this lock before it writes any task row, so concurrent edits and
 * recomputes of one project run one after the other: each sees the other's result, and they
 * cannot deadlock on each other's task rows.
 */
export async function lockProjectForScheduling(manager: EntityManager, projectId: string): Promise<void> {
  await manager
    .createQueryBuilder(ProjectEntity, 'p')
    .select('p.id')
    .setLock('pessimistic_write')
    .where('p.id = :id', { id: projectId })
    .getOne();
}
