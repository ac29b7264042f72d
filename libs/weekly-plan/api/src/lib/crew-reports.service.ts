import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, errorBody, problem, recordAudit, scopedQuery, VALIDATION_OPTIONS } from '@worksite/api-core';
import { Actor, Resource, writeRefusal } from '@worksite/auth-access';
import { lockProjectForScheduling, ProjectRescheduler } from '@worksite/scheduling-data-access';
import { TaskEntity } from '@worksite/server-data-access';
import { AuditAction, TaskStatus } from '@worksite/shared-domain';
import { Locale } from '@worksite/shared-i18n';
import {
  CrewDayReportsDto,
  CrewReportBatchResult,
  CrewReportRecord,
  CrewReportResult,
  taskChangeOf,
  weekStartOf,
} from '@worksite/shared-make-ready';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { CrewDayReportsQueryDto, CrewReportDto } from './weekly-plan.dto';

/**
 * The crew lead's taps. Each is one transaction: the report row (INSERT … ON CONFLICT DO
 * NOTHING on the lead's key: a tap sent again is applied once), the task's status and progress
 * (a conditional update with its audit entry and the re-scheduling a status change triggers, as
 * PATCH /api/tasks/:id does; the tasks trigger owes the amended notices), and the outcome of
 * the task's commitment in the week the tap was made.
 */
@Injectable()
export class CrewReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rescheduler: ProjectRescheduler,
  ) {}

  report(dto: CrewReportDto, actor: Actor): Promise<CrewReportResult> {
    if (dto.kind === 'not_done' && !dto.reason) {
      throw ApiError.badRequest('crew_report_reason_required', [problem('reason', 'isDefined')]);
    }
    if (dto.kind === 'progress' && dto.progress === undefined) {
      throw ApiError.badRequest({ key: 'validation_failed', params: { fields: ['progress'] } }, [
        problem('progress', 'isDefined'),
      ]);
    }
    return this.dataSource.transaction((manager) => this.apply(manager, dto, actor));
  }

  /** Each tap on its own (a refused one does not stop the rest); 5xx fail the whole flush, to be sent again. */
  async batch(items: Record<string, unknown>[], actor: Actor, locale: Locale): Promise<CrewReportBatchResult> {
    const results: CrewReportBatchResult['results'] = [];
    for (const item of items) {
      const clientKey = typeof item['clientKey'] === 'string' ? item['clientKey'] : '';
      try {
        const { applied } = await this.report(await validated(item), actor);
        results.push({ clientKey, applied });
      } catch (error) {
        const body = errorBody(error, locale);
        if (body.statusCode >= 500) throw error;
        results.push({ clientKey, applied: false, error: body.message });
      }
    }
    return { results };
  }

  /**
   * The taps recorded on the crew's tasks the caller sees, made on the local day (each task's
   * project zone), oldest first: the phone shows today's "not done" from them after a reload.
   */
  async day(query: CrewDayReportsQueryDto, actor: Actor): Promise<CrewDayReportsDto> {
    const rows = await scopedQuery(this.dataSource.manager, TaskEntity, Resource.Task, actor)
      .innerJoin('projects', 'p', 'p.id = e.projectId')
      .innerJoin('task_reports', 'r', 'r.task_id = e.id')
      .andWhere('e.crewId = :crewId', { crewId: query.crewId })
      .andWhere('r.tapped_at >= (CAST(:date AS date)::timestamp AT TIME ZONE p.time_zone)', { date: query.date })
      .andWhere('r.tapped_at < ((CAST(:date AS date) + 1)::timestamp AT TIME ZONE p.time_zone)')
      .select([
        'r.task_id AS "taskId"',
        'r.kind AS kind',
        'r.progress AS progress',
        'r.reason AS reason',
        'r.note AS note',
        'r.tapped_at AS "tappedAt"',
      ])
      .orderBy('r.tapped_at')
      .addOrderBy('r.received_at')
      .getRawMany<Omit<CrewReportRecord, 'tappedAt'> & { tappedAt: Date }>();
    return { reports: rows.map((row) => ({ ...row, tappedAt: row.tappedAt.toISOString() })) };
  }

  private async apply(manager: EntityManager, dto: CrewReportDto, actor: Actor): Promise<CrewReportResult> {
    const seen = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
      .andWhere('e.id = :id', { id: dto.taskId })
      .getOne();
    if (!seen) throw ApiError.notFound(Resource.Task, dto.taskId);
    // The project's lock before the task's row, as every schedule write takes them.
    await lockProjectForScheduling(manager, seen.projectId);
    const current = await manager.findOneOrFail(TaskEntity, {
      where: { id: seen.id },
      lock: { mode: 'pessimistic_write' },
    });
    const change = taskChangeOf(dto, current) as { status?: TaskStatus; progress?: number };
    const refusal = writeRefusal(
      Resource.Task,
      'update',
      actor,
      {
        projectId: current.projectId,
        crewId: current.crewId,
        departmentId: current.departmentId,
        status: change.status ?? current.status,
      },
      Object.keys(change),
    );
    if (refusal) throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', refusal.message);
    if (current.status === TaskStatus.Cancelled)
      throw ApiError.conflict('task_cancelled', 'crew_report_task_cancelled');

    const reportId = await this.insertReport(manager, dto, actor, current);
    if (!reportId) return { applied: false, task: taskState(current) };
    let after = current;
    if (Object.keys(change).length > 0) {
      // Only the changed columns: a progress tap is no change of the crews' notices (their trigger watches status).
      await manager
        .createQueryBuilder()
        .update(TaskEntity)
        .set({ ...change, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: current.id, version: current.version })
        .execute();
      after = await manager.findOneOrFail(TaskEntity, { where: { id: current.id } });
      await recordAudit(manager, {
        actor,
        action: AuditAction.Update,
        entity: Resource.Task,
        entityId: current.id,
        projectId: current.projectId,
        before: current,
        after,
      });
      if (change.status) await this.rescheduler.taskChanged(manager, actor, after);
    }
    if (dto.kind === 'done' || dto.kind === 'not_done') await this.settleCommitment(manager, dto, reportId, after);
    return { applied: true, task: taskState(await manager.findOneOrFail(TaskEntity, { where: { id: current.id } })) };
  }

  /** The report row, or null when the lead's key was applied before (the same tap sent again). */
  private async insertReport(
    manager: EntityManager,
    dto: CrewReportDto,
    actor: Actor,
    task: TaskEntity,
  ): Promise<string | null> {
    const [inserted]: { id: string }[] = await manager.query(
      `INSERT INTO task_reports (task_id, crew_id, user_id, client_key, kind, progress, reason, note, tapped_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (user_id, client_key) DO NOTHING RETURNING id`,
      [
        task.id,
        task.crewId,
        actor.id,
        dto.clientKey,
        dto.kind,
        dto.kind === 'done' ? 100 : (dto.progress ?? null),
        dto.kind === 'not_done' ? dto.reason : null,
        dto.note ?? '',
        new Date(dto.tappedAt),
      ],
    );
    if (inserted) return inserted.id;
    const [earlier]: { taskId: string; kind: string }[] = await manager.query(
      'SELECT task_id AS "taskId", kind FROM task_reports WHERE user_id = $1 AND client_key = $2',
      [actor.id, dto.clientKey],
    );
    if (earlier && (earlier.taskId !== task.id || earlier.kind !== dto.kind)) {
      throw ApiError.conflict('report_key_reused', 'crew_report_key_reused');
    }
    return null;
  }

  /**
   * The outcome of the task's commitment in the week (project zone) the tap was made, unless a
   * later done / not-done tap of that week was applied already (offline phones send late).
   */
  private async settleCommitment(manager: EntityManager, dto: CrewReportDto, reportId: string, task: TaskEntity) {
    const [{ timeZone }]: { timeZone: string }[] = await manager.query(
      'SELECT time_zone AS "timeZone" FROM projects WHERE id = $1',
      [task.projectId],
    );
    const week = weekStartOf(localDateOf(new Date(dto.tappedAt), timeZone));
    const done = dto.kind === 'done';
    await manager.query(
      `UPDATE weekly_commitments c
          SET outcome = $4, reason = $5, note = $6, updated_at = now()
         FROM weekly_plans p
        WHERE c.plan_id = p.id AND p.project_id = $1 AND p.week_start = $2 AND c.task_id = $3
          AND NOT EXISTS (
            SELECT 1 FROM task_reports r
             WHERE r.task_id = $3 AND r.id <> $7 AND r.kind IN ('done', 'not_done')
               AND r.tapped_at > $8 AND r.tapped_at < $9)`,
      [
        task.projectId,
        week,
        task.id,
        dto.kind,
        done ? null : dto.reason,
        done ? '' : (dto.note ?? ''),
        reportId,
        new Date(dto.tappedAt),
        instantOf(addDays(week, 7), '00:00', timeZone),
      ],
    );
  }
}

function taskState(task: TaskEntity): CrewReportResult['task'] {
  return { id: task.id, status: task.status, progress: task.progress, version: task.version };
}

/** One tap of a batch checked as the global pipe checks a single one. */
async function validated(item: Record<string, unknown>): Promise<CrewReportDto> {
  const dto = plainToInstance(CrewReportDto, item);
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: true, value: false },
  });
  if (errors.length > 0) throw (VALIDATION_OPTIONS.exceptionFactory as (e: typeof errors) => Error)(errors);
  return dto;
}
