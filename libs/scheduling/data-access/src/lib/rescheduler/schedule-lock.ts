import { ProjectEntity } from '@worksite/server-data-access';
import { timedPhase } from '@worksite/server-observability';
import { EntityManager } from 'typeorm';

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
 * The Server-Timing phase of taking a project's scheduling lock: the statement that locks it
 * (with the project's calendar, where it is read in the same statement), waiting for another
 * edit of the project included.
 */
export const PLAN_LOCK = 'plan-lock';

/**
 * Locks the project row (FOR UPDATE) until the transaction ends. Every write that can move
 * tasks of a project takes this lock before it writes any task row, so concurrent edits and
 * recomputes of one project run one after the other: each sees the other's result, and they
 * cannot deadlock on each other's task rows.
 */
export async function lockProjectForScheduling(manager: EntityManager, projectId: string): Promise<void> {
  await timedPhase(PLAN_LOCK, () =>
    manager
      .createQueryBuilder(ProjectEntity, 'p')
      .select('p.id')
      .setLock('pessimistic_write')
      .where('p.id = :id', { id: projectId })
      .getOne(),
  );
}
