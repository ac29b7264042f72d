import { ApiError, recordAudits } from '@worksite/api-core';
import { Actor, Resource } from '@worksite/auth-access';
import { TimeSpan } from '@worksite/scheduling-engine';
import { TaskEntity } from '@worksite/server-data-access';
import { AuditAction } from '@worksite/shared-domain';
import { localDateIn } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';

/** A task to write at new dates; `task` is the row as read when the move was computed. */
export interface PlannedMove {
  readonly task: TaskEntity;
  readonly to: TimeSpan;
}

/**
 * Writes moved tasks in the caller's transaction: one UPDATE, each row conditional on the
 * version read when the moves were computed, with the local dates in the project's zone and
 * version + 1; then an audit entry per task (one INSERT per 1,000). If any row changed meanwhile, nothing of it
 * stays: a 409 `schedule_conflict` names the tasks (the caller's transaction rolls back).
 */
export async function writeMoves(
  manager: EntityManager,
  actor: Actor,
  timeZone: string,
  moves: readonly PlannedMove[],
): Promise<void> {
  if (moves.length === 0) return;
  const localDate = (instant: number) => localDateIn(instant, timeZone);
  const starts = moves.map((m) => localDate(m.to.start));
  const finishes = moves.map((m) => localDate(m.to.finish));
  const rows: { id: string }[] = await manager.query(
    `WITH moved AS (
       UPDATE tasks AS t
          SET planned_start = m.start, planned_finish = m.finish,
              start_date = m.start_date, finish_date = m.finish_date,
              version = t.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::timestamptz[], $5::date[], $6::date[])
              AS m(id, version, start, finish, start_date, finish_date)
        WHERE t.id = m.id AND t.version = m.version
       RETURNING t.id)
     SELECT id FROM moved`,
    [
      moves.map((m) => m.task.id),
      moves.map((m) => m.task.version),
      moves.map((m) => iso(m.to.start)),
      moves.map((m) => iso(m.to.finish)),
      starts,
      finishes,
    ],
  );
  const written = new Set(rows.map((row) => row.id));
  const stale = moves.filter((m) => !written.has(m.task.id)).map((m) => m.task);
  if (stale.length > 0) {
    throw ApiError.conflict(
      'schedule_conflict',
      { key: 'schedule_stale_tasks', params: { titles: stale.map((task) => `"${task.title}"`) } },
      { tasks: stale.map((task) => ({ id: task.id, title: task.title, version: task.version })) },
    );
  }
  // One multi-row insert for all of them (a push can move thousands of tasks).
  await recordAudits(
    manager,
    moves.map(({ task, to }, i) => ({
      actor,
      action: AuditAction.Update,
      entity: Resource.Task,
      entityId: task.id,
      projectId: task.projectId,
      before: datesOf(task.plannedStart.getTime(), task.plannedFinish.getTime(), task.startDate, task.finishDate),
      after: datesOf(to.start, to.finish, starts[i], finishes[i]),
      version: task.version + 1,
    })),
  );
}

function datesOf(start: number, finish: number, startDate: string, finishDate: string) {
  return { plannedStart: new Date(start), plannedFinish: new Date(finish), startDate, finishDate };
}

function iso(instant: number): string {
  return new Date(instant).toISOString();
}
