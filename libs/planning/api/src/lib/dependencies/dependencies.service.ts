import { Actor, Resource } from '@worksite/auth-access';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, CrudService, noun, problem, scopedQuery } from '@worksite/api-core';
import { DependencyEntity, TaskEntity } from '@worksite/server-data-access';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { downstreamIds, lockProjectForScheduling, ProjectRescheduler } from '@worksite/scheduling-data-access';
import { Edge, findPath } from './graph';
import { CreateDependencyDto, DependencyQueryDto, UpdateDependencyDto } from './dependency.dto';

@Injectable()
export class DependenciesService extends CrudService<DependencyEntity, CreateDependencyDto, UpdateDependencyDto> {
  protected readonly entity = DependencyEntity;
  protected readonly resource = Resource.Dependency;
  protected readonly order = { createdAt: 'ASC' as const };
  /** The link's row is not changed by the reschedule after it: no second read. */
  protected override readonly reloadAfterWrite = false;
  /** The successor's downstream read by the cycle check of a create, for its reschedule. */
  private readonly downstreamOf = new WeakMap<object, ReadonlySet<string>>();

  constructor(
    dataSource: DataSource,
    private readonly rescheduler: ProjectRescheduler,
  ) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<DependencyEntity>, query: DependencyQueryDto) {
    if (query.projectId)
      builder.andWhere('e.projectId = :projectId', {
        projectId: query.projectId,
      });
    if (query.taskId)
      builder.andWhere('(e.predecessorId = :taskId OR e.successorId = :taskId)', { taskId: query.taskId });
    if (query.predecessorId)
      builder.andWhere('e.predecessorId = :predecessorId', {
        predecessorId: query.predecessorId,
      });
    if (query.successorId)
      builder.andWhere('e.successorId = :successorId', {
        successorId: query.successorId,
      });
    return builder;
  }

  protected override async toCreateValues(dto: CreateDependencyDto, manager: EntityManager, actor: Actor) {
    if (dto.predecessorId === dto.successorId) {
      throw ApiError.badRequest('dependency_self', [problem('successorId', 'differFrom', { other: 'predecessorId' })]);
    }
    // Tasks the actor cannot see count as missing, so nothing reveals that they exist.
    const tasks = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
      .andWhere('e.id IN (:...ids)', { ids: [dto.predecessorId, dto.successorId] })
      .getMany();
    const predecessor = tasks.find((task) => task.id === dto.predecessorId);
    const successor = tasks.find((task) => task.id === dto.successorId);
    const missing = [
      ...(predecessor ? [] : [problem('predecessorId', 'noSuchRow', { entity: noun('task') })]),
      ...(successor ? [] : [problem('successorId', 'noSuchRow', { entity: noun('task') })]),
    ];
    if (missing.length) throw ApiError.badRequest('dependency_tasks_missing', missing);
    if (predecessor!.projectId !== successor!.projectId) {
      throw ApiError.badRequest('dependency_cross_project', [
        problem('successorId', 'otherProjectThan', { other: 'predecessorId' }),
      ]);
    }
    this.downstreamOf.set(dto, await this.refuseCycle(predecessor!, successor!, manager));
    return { ...dto, projectId: predecessor!.projectId };
  }

  /** A new type or lag can move the successor: lock the project before this row is written. */
  protected override async toUpdateValues(
    changes: Omit<UpdateDependencyDto, 'version'>,
    current: DependencyEntity,
    manager: EntityManager,
  ): Promise<Partial<DependencyEntity>> {
    await lockProjectForScheduling(manager, current.projectId);
    return { ...changes };
  }

  /**
   * A created or changed link re-schedules its successor and what follows. Deleting a link
   * moves nothing: removing a dependency can only let tasks start earlier, and edits never
   * pull work earlier (POST /api/projects/:id/recompute does, on request).
   */
  protected override async afterWrite(saved: DependencyEntity, dto: object, manager: EntityManager, actor: Actor) {
    // Both a create (refuseCycle) and an update (toUpdateValues) locked the project already.
    await this.rescheduler.dependencyChanged(manager, actor, saved, {
      locked: true,
      downstream: this.downstreamOf.get(dto),
    });
  }

  /**
   * Refuses a link that would close a cycle, naming the tasks in it. The project row is
   * locked first so that two concurrent links cannot each pass the check and form a cycle.
   * The check walks only what follows the successor (in the database); the links among those
   * tasks are read only to name the cycle. Answers the successor's downstream.
   */
  private async refuseCycle(
    predecessor: TaskEntity,
    successor: TaskEntity,
    manager: EntityManager,
  ): Promise<ReadonlySet<string>> {
    await lockProjectForScheduling(manager, predecessor.projectId);
    const reached = await downstreamIds(manager, [successor.id]);
    if (!reached.has(predecessor.id)) return reached;
    const edges: Edge[] = await manager.query(
      'SELECT predecessor_id AS "from", successor_id AS "to" FROM dependencies WHERE project_id = $1 AND predecessor_id = ANY($2::uuid[])',
      [predecessor.projectId, [...reached]],
    );
    const path = findPath(edges, successor.id, predecessor.id);
    if (!path) return reached;
    const titles = new Map(
      (
        await manager.find(TaskEntity, {
          where: { id: In(path) },
          select: { id: true, title: true },
        })
      ).map((task) => [task.id, task.title]),
    );
    const cycle = path.map((id) => ({ id, title: titles.get(id) }));
    throw new ApiError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'dependency_cycle',
      { key: 'dependency_would_cycle', params: { path: [...cycle, cycle[0]].map((task) => task.title).join(' → ') } },
      { cycle },
    );
  }
}
