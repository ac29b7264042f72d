import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, recordAudits, scopedQuery, updateVersionedRows } from '@worksite/api-core';
import { Actor, Resource, writeRefusal } from '@worksite/auth-access';
import { CalendarSpecError, WorkingCalendar } from '@worksite/scheduling-engine';
import { lockProjectForScheduling, ProjectCalendarService, ProjectRescheduler } from '@worksite/scheduling-data-access';
import { scheduledAsOf, shiftByWorkingDays } from '@worksite/scheduling-network';
import { CrewEntity, DependencyEntity, ProjectEntity, TaskEntity } from '@worksite/server-data-access';
import { AuditAction, BulkTaskResult, mayPlanProject, TaskDto } from '@worksite/shared-domain';
import { localDateOf } from '@worksite/shared-util-time';
import { DataSource, EntityManager, In } from 'typeorm';
import { removeLinks } from '../../dependencies/remove-links';
import { placementConstraint } from '../task-placement';
import { resolveTaskTimes } from '../task-times';
import { BulkTaskDto } from './task-bulk.dto';

/**
 * Several tasks of one project changed at once: shifted by working days, given a crew or a
 * status, or deleted. One transaction under the project's scheduling lock: every task must be
 * in the project and visible, the actor must plan the project, and every version must be the
 * one the client read — else nothing is written. The rows are written together, each
 * conditional on its version, with their audit entries (the trail the undo records) in one
 * INSERT, then one re-scheduling pass pushes what follows.
 */
@Injectable()
export class TaskBulkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: ProjectCalendarService,
    private readonly rescheduler: ProjectRescheduler,
  ) {}

  async apply(projectId: string, dto: BulkTaskDto, actor: Actor): Promise<BulkTaskResult> {
    checkRequest(dto);
    return this.dataSource.transaction(async (manager) => {
      await this.checkProject(projectId, actor, manager);
      await lockProjectForScheduling(manager, projectId);
      const tasks = await this.currentTasks(projectId, dto, actor, manager);
      if (dto.delete) return this.remove(tasks, dto.removeLinks === true, actor, manager);
      const crew = await this.crewOf(dto.crewId, manager);
      const { project, calendar } = await this.calendars.forProject(projectId, manager);
      const changes = tasks.map((task) => ({
        task,
        values: {
          ...(dto.status !== undefined ? { status: dto.status } : {}),
          ...(crew !== undefined
            ? { crewId: crew?.id ?? null, ...(crew ? { departmentId: crew.departmentId } : {}) }
            : {}),
          ...(dto.shiftWorkingDays !== undefined
            ? shiftedTimes(task, dto.shiftWorkingDays, dto.status ?? task.status, calendar, project.timeZone)
            : {}),
        } as Partial<TaskEntity>,
      }));
      await this.write(changes, actor, manager);
      const ids = tasks.map((task) => task.id);
      const pushed =
        dto.shiftWorkingDays !== undefined || dto.status !== undefined
          ? await this.rescheduler.tasksChanged(manager, actor, projectId, ids)
          : 0;
      const after = await manager.find(TaskEntity, { where: { id: In(ids) }, order: { plannedStart: 'ASC' } });
      return { tasks: after as unknown as TaskDto[], deletedIds: [], removedLinks: 0, pushed };
    });
  }

  /** 404 for a project the actor cannot see, 403 for one they may see but not plan. */
  private async checkProject(projectId: string, actor: Actor, manager: EntityManager): Promise<void> {
    const visible = await scopedQuery(manager, ProjectEntity, Resource.Project, actor)
      .andWhere('e.id = :id', { id: projectId })
      .getExists();
    if (!visible) throw ApiError.notFound(Resource.Project, projectId);
    if (!mayPlanProject(actor, projectId)) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'plan_only_own_projects');
    }
  }

  /** The named tasks as they are now; all must be in the project, visible, and at the version read. */
  private async currentTasks(
    projectId: string,
    dto: BulkTaskDto,
    actor: Actor,
    manager: EntityManager,
  ): Promise<TaskEntity[]> {
    const ids = dto.tasks.map((ref) => ref.id);
    const found = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
      .andWhere('e.id IN (:...ids)', { ids })
      .andWhere('e.projectId = :projectId', { projectId })
      .orderBy('e.plannedStart', 'ASC')
      .getMany();
    if (found.length !== ids.length) {
      const have = new Set(found.map((task) => task.id));
      const missingIds = ids.filter((id) => !have.has(id));
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'bulk_tasks_not_found',
        { key: 'bulk_tasks_not_found', params: { count: missingIds.length } },
        { missingIds },
      );
    }
    const read = new Map(dto.tasks.map((ref) => [ref.id, ref.version]));
    const stale = found.filter((task) => task.version !== read.get(task.id));
    if (stale.length > 0) throw staleTasks(stale);
    for (const task of found) checkWriteRules(task, dto, actor);
    return found;
  }

  private async crewOf(
    crewId: string | null | undefined,
    manager: EntityManager,
  ): Promise<CrewEntity | null | undefined> {
    if (crewId === undefined || crewId === null) return crewId;
    const crew = await manager.findOne(CrewEntity, { where: { id: crewId } });
    if (!crew) throw ApiError.missingReference('crewId', 'crew');
    return crew;
  }

  /**
   * The task rows, each conditional on the version read (version + 1): one UPDATE per set of
   * columns written (`updateVersionedRows`), then their audit entries in one INSERT per 1,000.
   */
  private async write(
    changes: readonly { task: TaskEntity; values: Partial<TaskEntity> }[],
    actor: Actor,
    manager: EntityManager,
  ): Promise<void> {
    const written = await updateVersionedRows(
      manager,
      TaskEntity,
      changes.map(({ task, values }) => ({ id: task.id, version: task.version, values })),
    );
    const stale = changes.filter(({ task }) => !written.has(task.id)).map(({ task }) => task);
    if (stale.length > 0) throw staleTasks(stale);
    await recordAudits(
      manager,
      changes.map(({ task, values }) => ({
        actor,
        action: AuditAction.Update,
        entity: Resource.Task,
        entityId: task.id,
        projectId: task.projectId,
        before: task,
        after: { ...task, ...values, version: task.version + 1 },
      })),
    );
  }

  /** Deletes the tasks (and, when asked, their dependencies), each with its audit entry. */
  private async remove(
    tasks: TaskEntity[],
    withLinks: boolean,
    actor: Actor,
    manager: EntityManager,
  ): Promise<BulkTaskResult> {
    const ids = tasks.map((task) => task.id);
    const links = await manager.find(DependencyEntity, {
      where: [{ predecessorId: In(ids) }, { successorId: In(ids) }],
    });
    if (links.length > 0 && !withLinks) {
      const linked = new Set(
        links.flatMap((link) => [link.predecessorId, link.successorId]).filter((id) => ids.includes(id)),
      );
      throw ApiError.conflict(
        'task_has_dependencies',
        { key: 'bulk_tasks_have_dependencies', params: { tasks: linked.size, count: links.length } },
        { dependencyIds: links.map((link) => link.id) },
      );
    }
    await removeLinks(manager, actor, links);
    await manager.delete(TaskEntity, { id: In(ids) });
    await recordAudits(
      manager,
      tasks.map((task) => ({
        actor,
        action: AuditAction.Delete,
        entity: Resource.Task,
        entityId: task.id,
        projectId: task.projectId,
        before: task,
      })),
    );
    return { tasks: [], deletedIds: ids, removedLinks: links.length, pushed: 0 };
  }
}

/** 400 for requests that say nothing to do, mix a delete with changes, or name a task twice. */
function checkRequest(dto: BulkTaskDto): void {
  const changes = [dto.shiftWorkingDays, dto.crewId, dto.status].filter((value) => value !== undefined).length;
  if (dto.delete && changes > 0) throw ApiError.badRequest('bulk_delete_alone');
  if (!dto.delete && changes === 0) throw ApiError.badRequest('bulk_nothing_to_do');
  if (new Set(dto.tasks.map((ref) => ref.id)).size !== dto.tasks.length)
    throw ApiError.badRequest('bulk_duplicate_tasks');
}

/**
 * A task moved by working days, stored as a PATCH of its start would be: settled in working time
 * (an automatic task on the next working minute), its working duration kept, its local dates,
 * and an automatic task held at its new start by a start-no-earlier-than constraint.
 */
function shiftedTimes(
  task: TaskEntity,
  days: number,
  status: string,
  calendar: WorkingCalendar,
  zone: string,
): Partial<TaskEntity> {
  const outside = () =>
    new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'bulk_shift_outside_calendar', {
      key: 'bulk_shift_no_working_day',
      params: { title: task.title, days },
    });
  try {
    const start = shiftByWorkingDays(calendar, zone, task.plannedStart.getTime(), days);
    if (start === null) throw outside();
    const scheduledAs = scheduledAsOf({ status, schedulingMode: task.schedulingMode });
    const times = resolveTaskTimes(calendar, scheduledAs, { start, currentDuration: task.durationMinutes });
    const plannedStart = new Date(times.start);
    return {
      plannedStart,
      plannedFinish: new Date(times.finish),
      durationMinutes: times.durationMinutes,
      startDate: localDateOf(times.start, zone),
      finishDate: localDateOf(times.finish, zone),
      ...placementConstraint({ plannedStart: plannedStart.toISOString() }, task),
    };
  } catch (error) {
    if (error instanceof CalendarSpecError) throw outside();
    throw error;
  }
}

/** The write rules of one task, as it is and as the edit leaves it (e.g. who may cancel). */
function checkWriteRules(task: TaskEntity, dto: BulkTaskDto, actor: Actor): void {
  const fields = [
    ...(dto.shiftWorkingDays !== undefined ? ['plannedStart', 'plannedFinish'] : []),
    ...(dto.crewId !== undefined ? ['crewId'] : []),
    ...(dto.status !== undefined ? ['status'] : []),
  ];
  const action = dto.delete ? 'delete' : 'update';
  const targets = [task, ...(dto.status !== undefined ? [{ ...task, status: dto.status }] : [])];
  for (const target of targets) {
    const refusal = writeRefusal(Resource.Task, action, actor, target, fields);
    if (refusal) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'forbidden',
        refusal.message,
        refusal.fields ? { fields: refusal.fields } : {},
      );
    }
  }
}

function staleTasks(stale: TaskEntity[]): ApiError {
  return new ApiError(
    HttpStatus.CONFLICT,
    'version_conflict',
    { key: 'bulk_stale_tasks', params: { titles: stale.map((task) => `"${task.title}"`).join(', ') } },
    { tasks: stale.map((task) => ({ id: task.id, title: task.title, version: task.version })) },
  );
}
