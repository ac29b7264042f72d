import { Injectable } from '@nestjs/common';
import { ApiError, recordAudit, scopedQuery } from '@worksite/api-core';
import { Actor, constraintClearRefusal, constraintPlanRefusal, Resource } from '@worksite/auth-access';
import { constraintById, constraintsOfTasks } from '@worksite/make-ready-data-access';
import { ProjectNetworkService } from '@worksite/scheduling-data-access';
import { MakeReadyConstraintEntity, TaskEntity } from '@worksite/server-data-access';
import { AuditAction } from '@worksite/shared-domain';
import {
  ConstraintOwnerCandidate,
  ConstraintStatus,
  MakeReadyConstraintDto,
  ownsConstraint,
} from '@worksite/shared-make-ready';
import { DataSource, EntityManager } from 'typeorm';
import { checkedOwner, linkedAnnouncement, refuse } from './constraint-checks';
import { constraintOwnerCandidates } from './constraint-owners';
import { CreateConstraintDto, UpdateConstraintDto } from './constraint.dto';

/**
 * Make-ready constraints of tasks: read by whoever reads the task; added, changed and deleted
 * by the project's planners; cleared and reopened by them or by the constraint's owner. Every
 * write is one transaction, conditional on the version read (409 otherwise), with its audit entry.
 */
@Injectable()
export class ConstraintsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly networks: ProjectNetworkService,
  ) {}

  async list(taskId: string, actor: Actor): Promise<MakeReadyConstraintDto[]> {
    const task = await this.networks.visibleTask(this.dataSource.manager, taskId, actor);
    return constraintsOfTasks(this.dataSource, [task.id]);
  }

  /** Whom the project's planners may name as owners (403 for others, 404 for a hidden project). */
  async ownerCandidates(projectId: string, actor: Actor): Promise<ConstraintOwnerCandidate[]> {
    const manager = this.dataSource.manager;
    const project = await this.networks.visibleProject(manager, projectId, actor);
    refuse(constraintPlanRefusal(actor, project.id));
    return constraintOwnerCandidates(manager, project.id, actor.id);
  }

  create(taskId: string, dto: CreateConstraintDto, actor: Actor): Promise<MakeReadyConstraintDto> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.networks.visibleTask(manager, taskId, actor);
      refuse(constraintPlanRefusal(actor, task.projectId));
      const owner = await checkedOwner(manager, dto);
      const saved = await manager.save(
        manager.create(MakeReadyConstraintEntity, {
          projectId: task.projectId,
          taskId: task.id,
          kind: dto.kind,
          description: dto.description ?? '',
          ...owner,
          dueDate: dto.dueDate ?? null,
          announcementId: await linkedAnnouncement(manager, task, dto.kind, dto.announcementId),
        }),
      );
      await audit(manager, actor, AuditAction.Create, saved);
      return this.read(manager, saved.id);
    });
  }

  update(id: string, dto: UpdateConstraintDto, actor: Actor): Promise<MakeReadyConstraintDto> {
    return this.dataSource.transaction(async (manager) => {
      const { row, task } = await this.forPlanner(manager, id, actor, dto.version);
      const kind = dto.kind ?? row.kind;
      const values: Partial<MakeReadyConstraintEntity> = {
        kind,
        description: dto.description ?? row.description,
        ...(await checkedOwner(manager, dto, row)),
        dueDate: dto.dueDate === undefined ? row.dueDate : dto.dueDate,
        announcementId:
          kind === row.kind ? row.announcementId : await linkedAnnouncement(manager, task, kind, undefined),
      };
      return this.write(manager, row, values, actor);
    });
  }

  clear(id: string, version: number, actor: Actor): Promise<MakeReadyConstraintDto> {
    return this.move(id, version, actor, 'cleared');
  }

  reopen(id: string, version: number, actor: Actor): Promise<MakeReadyConstraintDto> {
    return this.move(id, version, actor, 'open');
  }

  remove(id: string, version: number, actor: Actor): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const { row } = await this.forPlanner(manager, id, actor, version);
      const result = await manager.delete(MakeReadyConstraintEntity, { id, version });
      if (result.affected !== 1) throw stale(row);
      await audit(manager, actor, AuditAction.Delete, row, row, undefined);
    });
  }

  /** Open → cleared (who and when recorded) or cleared → open: planners or the owner. */
  private move(id: string, version: number, actor: Actor, to: ConstraintStatus): Promise<MakeReadyConstraintDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.locked(manager, id);
      // The owner may clear a constraint on a task it cannot otherwise read (it was asked to).
      if (!ownsConstraint(actor, row)) await this.visibleTaskOf(manager, row, actor);
      refuse(constraintClearRefusal(actor, row.projectId, row));
      if (row.status === to) {
        const code = to === 'cleared' ? 'make_ready_already_cleared' : 'make_ready_already_open';
        throw ApiError.conflict(code, code, { status: row.status, version: row.version });
      }
      if (row.version !== version) throw stale(row);
      const cleared = to === 'cleared';
      return this.write(
        manager,
        row,
        {
          status: to,
          clearedAt: cleared ? new Date() : null,
          clearedByUserId: cleared && actor.sessionId ? actor.id : null,
          clearedByName: cleared ? actor.name : null,
        },
        actor,
      );
    });
  }

  /** The row for a planner's write: visible task (404), planner (403), version current (409). */
  private async forPlanner(manager: EntityManager, id: string, actor: Actor, version: number) {
    const row = await this.locked(manager, id);
    const task = await this.visibleTaskOf(manager, row, actor);
    refuse(constraintPlanRefusal(actor, row.projectId));
    if (row.version !== version) throw stale(row);
    return { row, task };
  }

  private async locked(manager: EntityManager, id: string): Promise<MakeReadyConstraintEntity> {
    const row = await manager.findOne(MakeReadyConstraintEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw ApiError.notFound(Resource.MakeReadyConstraint, id);
    return row;
  }

  /** The constraint's task if the actor reads it; else the constraint answers as missing (404). */
  private async visibleTaskOf(manager: EntityManager, row: MakeReadyConstraintEntity, actor: Actor) {
    const task = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
      .andWhere('e.id = :taskId', { taskId: row.taskId })
      .getOne();
    if (!task) throw ApiError.notFound(Resource.MakeReadyConstraint, row.id);
    return task;
  }

  /** The conditional update (version + 1) and its audit entry; 409 when the row moved on. */
  private async write(
    manager: EntityManager,
    row: MakeReadyConstraintEntity,
    values: Partial<MakeReadyConstraintEntity>,
    actor: Actor,
  ): Promise<MakeReadyConstraintDto> {
    const result = await manager
      .createQueryBuilder()
      .update(MakeReadyConstraintEntity)
      .set({ ...values, version: () => 'version + 1' } as never)
      .where('id = :id AND version = :version', { id: row.id, version: row.version })
      .execute();
    if (result.affected !== 1) throw stale(row);
    const after = await manager.findOneByOrFail(MakeReadyConstraintEntity, { id: row.id });
    await audit(manager, actor, AuditAction.Update, after, row);
    return this.read(manager, row.id);
  }

  private async read(manager: EntityManager, id: string): Promise<MakeReadyConstraintDto> {
    return (await constraintById(manager, id)) as MakeReadyConstraintDto;
  }
}

function stale(row: MakeReadyConstraintEntity): ApiError {
  return ApiError.conflict('version_conflict', 'make_ready_stale', { version: row.version, status: row.status });
}

function audit(
  manager: EntityManager,
  actor: Actor,
  action: AuditAction,
  row: MakeReadyConstraintEntity,
  before?: MakeReadyConstraintEntity,
  after: MakeReadyConstraintEntity | undefined = row,
): Promise<void> {
  return recordAudit(manager, {
    actor,
    action,
    entity: Resource.MakeReadyConstraint,
    entityId: row.id,
    projectId: row.projectId,
    before,
    after,
    version: action === AuditAction.Delete ? row.version : undefined,
  });
}
