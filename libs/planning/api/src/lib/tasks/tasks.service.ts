import { Actor, readScope, Resource, WriteTarget } from '@worksite/auth-access';
import { scheduledAsOf } from '@worksite/scheduling-network';
import { SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ApiError,
  CrudService,
  ListCondition,
  noun,
  Page,
  PageJson,
  PlainPage,
  problem,
  scopedQuery,
} from '@worksite/api-core';
import { CrewEntity, DependencyEntity, LocationEntity, ProjectEntity, TaskEntity } from '@worksite/server-data-access';
import { CalendarSpecError } from '@worksite/scheduling-engine';
import { localDateOf } from '@worksite/shared-util-time';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import {
  ProjectCalendar,
  ProjectCalendarService,
  ProjectRescheduler,
  touchesSchedule,
} from '@worksite/scheduling-data-access';
import { removeLinks } from '../dependencies/remove-links';
import { placementConstraint } from './task-placement';
import { resolveTaskTimes, TaskTimes } from './task-times';
import { CreateTaskDto, TaskQueryDto, UpdateTaskDto } from './task.dto';

type TaskChanges = Omit<UpdateTaskDto, 'version'>;

@Injectable()
export class TasksService extends CrudService<TaskEntity, CreateTaskDto, UpdateTaskDto> {
  protected readonly entity = TaskEntity;
  protected readonly resource = Resource.Task;
  /** Planned start's order, read by the (project, start date) index: a task's start date is its local day. */
  protected readonly order = { startDate: 'ASC' as const, plannedStart: 'ASC' as const };
  private readonly plain: PlainPage<TaskEntity>;
  /** An update returns the task as `load` reads it (PlainPage.returning). */
  protected override readonly returning: string;
  /** afterWrite puts back what the rescheduling moved of the row itself (rarely anything). */
  protected override readonly reloadAfterWrite = false;
  /** The project and calendar an update read under the project's lock, for its rescheduling. */
  private readonly locked = new WeakMap<EntityManager, ProjectCalendar>();

  constructor(
    dataSource: DataSource,
    private readonly calendars: ProjectCalendarService,
    private readonly rescheduler: ProjectRescheduler,
  ) {
    super(dataSource);
    // The total of a project's tasks is kept by the database (migration ProjectTaskCounts).
    this.plain = new PlainPage(dataSource, TaskEntity, {
      table: 'project_task_counts',
      sum: 'tasks',
      properties: ['projectId'],
    });
    this.returning = this.plain.returning;
  }

  /** A page of tasks as plain rows (PlainPage): the day plan and the task table read it all day. */
  override list(query: TaskQueryDto, actor: Actor): Promise<Page<TaskEntity>> {
    return this.plain.read(
      this.dataSource.manager,
      readScope(Resource.Task, actor),
      taskConditions(query),
      this.order,
      query,
    );
  }

  /** One task the actor may read, as a plain row (PlainPage.one): every PATCH reads it first. */
  override async get(id: string, actor: Actor, manager: EntityManager = this.dataSource.manager): Promise<TaskEntity> {
    const task = await this.plain.one(manager, readScope(Resource.Task, actor), [
      { where: 'e.id = :id', params: { id } },
    ]);
    if (!task) throw ApiError.notFound(this.resource, id);
    return task;
  }

  /** The task as written (PlainPage.one): every update reads it back. */
  protected override async load(id: string, manager: EntityManager): Promise<TaskEntity> {
    const task = await this.plain.one(manager, 'all', [{ where: 'e.id = :id', params: { id } }]);
    if (!task) throw ApiError.notFound(this.resource, id);
    return task;
  }

  /** The same page as `list`, as the JSON text the api answers (PlainPage.readJson). */
  listJson(query: TaskQueryDto, actor: Actor): Promise<PageJson> {
    return this.plain.readJson(readScope(Resource.Task, actor), taskConditions(query), this.order, query);
  }

  protected filter(builder: SelectQueryBuilder<TaskEntity>, query: TaskQueryDto) {
    for (const condition of taskConditions(query)) builder.andWhere(condition.where, condition.params);
    return builder;
  }

  /** The status is part of what the write rules look at (cancelling is the coordinators'). */
  protected override writeTarget(row: Partial<TaskEntity>): WriteTarget {
    return { ...super.writeTarget(row), status: row.status };
  }

  protected override async toCreateValues(
    dto: CreateTaskDto,
    manager: EntityManager,
    actor: Actor,
  ): Promise<Partial<TaskEntity>> {
    // A project the actor cannot see answers as a missing one does: 404, revealing nothing.
    const project = await scopedQuery(manager, ProjectEntity, Resource.Project, actor)
      .andWhere('e.id = :id', { id: dto.projectId })
      .getExists();
    if (!project) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'not_found',
        { key: 'not_found_entity', params: { entity: noun('project'), id: dto.projectId } },
        {
          problems: [problem('projectId', 'noSuchRow', { entity: noun('project') })],
        },
      );
    }
    // The project's lock first (as every schedule write takes it): the new row's code is the
    // project's highest + 1 (assigned by the database on insert), so concurrent creates queue here.
    const scheduling = await this.calendars.forProject(dto.projectId, manager, { lock: true });
    const { departmentId, ...rest } = dto;
    const times = await this.timesAndChecks(dto.projectId, dto, undefined, manager, scheduling);
    return {
      ...this.plainValues(rest),
      projectId: dto.projectId,
      departmentId: departmentId ?? (await this.crewDepartment(dto.crewId, manager)),
      ...times,
      ...placementConstraint(settledPlacement(dto, times)),
    };
  }

  protected override async toUpdateValues(
    changes: TaskChanges,
    current: TaskEntity,
    manager: EntityManager,
    actor: Actor,
  ): Promise<Partial<TaskEntity>> {
    // The rules saw the task as it is; a status change is checked again as it will be.
    if (changes.status !== undefined) {
      this.authorize('update', actor, { ...current, status: changes.status }, Object.keys(changes));
    }
    // Before this task's row is written: the rescheduling in afterWrite needs the project lock,
    // and taking it first keeps the lock order of every schedule write the same. The project and
    // its calendar come with the lock, for the times below and the rescheduling.
    let scheduling: ProjectCalendar | undefined;
    if (touchesSchedule(Object.keys(changes))) {
      scheduling = await this.calendars.forProject(current.projectId, manager, { lock: true });
      this.locked.set(manager, scheduling);
    }
    const values: Partial<TaskEntity> = { ...this.plainValues(changes) };
    if (changes.crewId && changes.departmentId === undefined && changes.crewId !== current.crewId) {
      values.departmentId = await this.crewDepartment(changes.crewId, manager);
    } else if (changes.departmentId !== undefined) {
      values.departmentId = changes.departmentId;
    }
    const times = await this.timesAndChecks(current.projectId, changes, current, manager, scheduling);
    return { ...values, ...times, ...placementConstraint(settledPlacement(changes, times), current) };
  }

  protected override async afterCreate(task: TaskEntity, manager: EntityManager, actor: Actor): Promise<void> {
    await this.rescheduler.taskCreated(manager, actor, task);
  }

  /** After an update (created rows have version 1) that touches the schedule: successors follow. */
  protected override async afterWrite(
    task: TaskEntity,
    changes: Partial<CreateTaskDto>,
    manager: EntityManager,
    actor: Actor,
  ): Promise<void> {
    if (task.version > 1 && touchesSchedule(Object.keys(changes))) {
      const calendar = this.locked.get(manager);
      // Only this task's row was written so far (toUpdateValues' lock, then the update).
      const moves = await this.rescheduler.taskChanged(manager, actor, task, {
        locked: calendar !== undefined,
        calendar,
        onlyOriginsWritten: true,
      });
      // An automatic task put before its links allow is stored where they hold it.
      if (moves.some((move) => move.task.id === task.id)) Object.assign(task, await this.load(task.id, manager));
    }
  }

  /** A task that others depend on (or that depends on others) is deleted only with removeLinks. */
  protected override async beforeRemove(
    task: TaskEntity,
    manager: EntityManager,
    actor: Actor,
    options: { removeLinks?: boolean },
  ): Promise<void> {
    const links = await manager.find(DependencyEntity, {
      where: [{ predecessorId: task.id }, { successorId: task.id }],
    });
    if (links.length === 0) return;
    if (!options.removeLinks) {
      const dependents = links.filter((link) => link.predecessorId === task.id).length;
      throw ApiError.conflict(
        'task_has_dependencies',
        { key: 'task_has_dependencies', params: { title: task.title, count: links.length, dependents } },
        { dependencyIds: links.map((link) => link.id) },
      );
    }
    await removeLinks(manager, actor, links);
  }

  /** Columns copied as given (times, department and derived dates are handled separately). */
  private plainValues(dto: Partial<CreateTaskDto>): Partial<TaskEntity> {
    const {
      plannedStart: _start,
      plannedFinish: _finish,
      durationMinutes: _duration,
      departmentId: _department,
      projectId: _project,
      constraintAt,
      interruptionStartsAt,
      interruptionEndsAt,
      ...plain
    } = dto;
    const values: Partial<TaskEntity> = { ...(plain as Partial<TaskEntity>) };
    if (constraintAt !== undefined) values.constraintAt = constraintAt === null ? null : new Date(constraintAt);
    if (interruptionStartsAt !== undefined) {
      values.interruptionStartsAt = interruptionStartsAt === null ? null : new Date(interruptionStartsAt);
    }
    if (interruptionEndsAt !== undefined) {
      values.interruptionEndsAt = interruptionEndsAt === null ? null : new Date(interruptionEndsAt);
    }
    return values;
  }

  private async crewDepartment(crewId: string | null | undefined, manager: EntityManager): Promise<string> {
    if (!crewId) {
      throw ApiError.badRequest('task_department_missing', [
        problem('departmentId', 'oneOfRequired', { fields: ['departmentId', 'crewId'] }),
      ]);
    }
    const crew = await manager.findOne(CrewEntity, { where: { id: crewId } });
    if (!crew) {
      throw ApiError.missingReference('crewId', 'crew');
    }
    return crew.departmentId;
  }

  /** Times in working time of the project calendar, their local dates, and cross-field rules. */
  private async timesAndChecks(
    projectId: string,
    dto: Partial<CreateTaskDto>,
    current: TaskEntity | undefined,
    manager: EntityManager,
    scheduling?: ProjectCalendar,
  ): Promise<Partial<TaskEntity>> {
    const merged = {
      constraintType: dto.constraintType === undefined ? current?.constraintType : dto.constraintType,
      constraintAt: dto.constraintAt === undefined ? current?.constraintAt : dto.constraintAt,
      interruptionKind: dto.interruptionKind === undefined ? current?.interruptionKind : dto.interruptionKind,
      interruptionStartsAt:
        dto.interruptionStartsAt === undefined ? current?.interruptionStartsAt : dto.interruptionStartsAt,
      interruptionEndsAt: dto.interruptionEndsAt === undefined ? current?.interruptionEndsAt : dto.interruptionEndsAt,
    };
    checkConstraint(merged.constraintType ?? null, merged.constraintAt ?? null);
    checkInterruption(
      merged.interruptionKind ?? null,
      merged.interruptionStartsAt ?? null,
      merged.interruptionEndsAt ?? null,
    );
    if (dto.interruptionLocationIds?.length) await this.checkLocations(dto.interruptionLocationIds, manager);

    const timesChange =
      dto.plannedStart !== undefined || dto.plannedFinish !== undefined || dto.durationMinutes !== undefined;
    if (current && !timesChange) return {};
    const { project, calendar } = scheduling ?? (await this.calendars.forProject(projectId, manager));
    const scheduledAs = scheduledAsOf({
      status: dto.status ?? current?.status ?? TaskStatus.Planned,
      schedulingMode: dto.schedulingMode ?? current?.schedulingMode ?? SchedulingMode.Automatic,
    });
    let times: TaskTimes;
    try {
      times = resolveTaskTimes(calendar, scheduledAs, {
        start:
          dto.plannedStart !== undefined
            ? Date.parse(dto.plannedStart)
            : (current as TaskEntity).plannedStart.getTime(),
        finish: dto.plannedFinish !== undefined ? Date.parse(dto.plannedFinish) : undefined,
        duration: dto.durationMinutes,
        currentDuration: current?.durationMinutes,
      });
    } catch (error) {
      if (error instanceof CalendarSpecError) throw outsideCalendar(error, dto);
      throw error;
    }
    return {
      plannedStart: new Date(times.start),
      plannedFinish: new Date(times.finish),
      durationMinutes: times.durationMinutes,
      startDate: localDateOf(times.start, project.timeZone),
      finishDate: localDateOf(times.finish, project.timeZone),
    };
  }

  private async checkLocations(ids: string[], manager: EntityManager): Promise<void> {
    const unique = [...new Set(ids)];
    const found = await manager.count(LocationEntity, {
      where: { id: In(unique) },
    });
    if (found !== unique.length) {
      throw ApiError.badRequest('task_locations_missing', [
        problem('interruptionLocationIds', 'someMissing', { count: unique.length - found }),
      ]);
    }
  }
}

/** The request with the start it is stored at: the constraint a placement sets is that start. */
function settledPlacement<T extends { plannedStart?: string }>(request: T, times: Partial<TaskEntity>): T {
  return times.plannedStart && request.plannedStart !== undefined
    ? { ...request, plannedStart: times.plannedStart.toISOString() }
    : request;
}

/** Times the working calendar cannot place: before 1900, after 2199, or past its last working time. */
function outsideCalendar(error: CalendarSpecError, dto: Partial<CreateTaskDto>): ApiError {
  const fields = (['plannedStart', 'plannedFinish', 'durationMinutes'] as const).filter(
    (field) => dto[field] !== undefined,
  );
  return ApiError.badRequest(
    'task_outside_calendar',
    fields.map((field) => problem(field, 'notOnCalendar')),
  );
}

function checkConstraint(type: unknown, at: unknown): void {
  if ((type === null) !== (at === null)) {
    throw ApiError.badRequest('task_constraint_pair', [
      problem(type === null ? 'constraintType' : 'constraintAt', 'requiredWithOther'),
    ]);
  }
}

function checkInterruption(kind: unknown, startsAt: string | Date | null, endsAt: string | Date | null): void {
  const given = [kind, startsAt, endsAt].filter((value) => value !== null).length;
  if (given !== 0 && given !== 3) {
    throw ApiError.badRequest('task_interruption_incomplete', [
      problem('interruptionKind', 'goTogether', {
        fields: ['interruptionKind', 'interruptionStartsAt', 'interruptionEndsAt'],
      }),
    ]);
  }
  if (startsAt !== null && endsAt !== null && new Date(endsAt).getTime() <= new Date(startsAt).getTime()) {
    throw ApiError.badRequest('task_interruption_end_before_start', [
      problem('interruptionEndsAt', 'after', { other: 'interruptionStartsAt' }),
    ]);
  }
}

/** The list filters of a task query (a project, department, crew, place and what it contains, statuses, dates). */
function taskConditions(query: TaskQueryDto): ListCondition[] {
  const conditions: ListCondition[] = [];
  if (query.projectId) conditions.push({ where: 'e.projectId = :projectId', params: { projectId: query.projectId } });
  if (query.departmentId) {
    conditions.push({ where: 'e.departmentId = :departmentId', params: { departmentId: query.departmentId } });
  }
  if (query.crewId) conditions.push({ where: 'e.crewId = :crewId', params: { crewId: query.crewId } });
  if (query.locationId) {
    conditions.push({
      where: `e.locationId IN (WITH RECURSIVE inside AS (
           SELECT id FROM locations WHERE id = :locationId
           UNION ALL SELECT l.id FROM locations l JOIN inside ON l.parent_id = inside.id
         ) SELECT id FROM inside)`,
      params: { locationId: query.locationId },
    });
  }
  if (query.status?.length) conditions.push({ where: 'e.status IN (:...status)', params: { status: query.status } });
  if (query.to) conditions.push({ where: 'e.startDate <= :to', params: { to: query.to } });
  if (query.from) conditions.push({ where: 'e.finishDate >= :from', params: { from: query.from } });
  return conditions;
}
