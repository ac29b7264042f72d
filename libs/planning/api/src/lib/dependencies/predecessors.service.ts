import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, Problem, problem, recordAudits, scopedQuery, updateVersionedRows } from '@worksite/api-core';
import { Actor, Resource, writeRefusal } from '@worksite/auth-access';
import { lockProjectForScheduling, ProjectRescheduler } from '@worksite/scheduling-data-access';
import { DependencyEntity, TaskEntity } from '@worksite/server-data-access';
import { AuditAction, DependencyDto, DependencyType, ReplacePredecessorsResult } from '@worksite/shared-domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { findPath } from './graph';
import { ReplacePredecessorsDto } from './predecessors.dto';
import { removeLinks } from './remove-links';

/** A predecessor as asked for, resolved to a task of the project. */
interface Wanted {
  predecessor: TaskEntity;
  type: DependencyType;
  lagMinutes: number;
}

/**
 * Replaces a task's predecessors with a list (the table's predecessors column, "12FS+2d; 15SS"):
 * links not listed are removed, changed ones updated, new ones created — in one transaction
 * under the project's scheduling lock, with one re-scheduling pass and the audit entries of one
 * change set, so one undo takes the whole edit back. A link that would close a cycle refuses it
 * all (422 naming the tasks of the cycle).
 */
@Injectable()
export class PredecessorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rescheduler: ProjectRescheduler,
  ) {}

  replace(taskId: string, dto: ReplacePredecessorsDto, actor: Actor): Promise<ReplacePredecessorsResult> {
    return this.dataSource.transaction(async (manager) => {
      const task = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
        .andWhere('e.id = :taskId', { taskId })
        .getOne();
      if (!task) throw ApiError.notFound(Resource.Task, taskId);
      authorize(actor, task);
      await lockProjectForScheduling(manager, task.projectId);
      const wanted = await this.resolve(manager, task, dto, actor);
      const current = await manager.find(DependencyEntity, { where: { successorId: task.id } });
      if (dto.seen && !sameLinks(current, dto.seen)) {
        throw ApiError.conflict('predecessors_changed', { key: 'predecessors_changed', params: { title: task.title } });
      }
      const byPredecessor = new Map(current.map((link) => [link.predecessorId, link]));
      const create = wanted.filter((w) => !byPredecessor.has(w.predecessor.id));
      const update = wanted.flatMap((w) => {
        const link = byPredecessor.get(w.predecessor.id);
        return link && (link.type !== w.type || link.lagMinutes !== w.lagMinutes) ? [{ link, w }] : [];
      });
      const listed = new Set(wanted.map((w) => w.predecessor.id));
      const remove = current.filter((link) => !listed.has(link.predecessorId));
      await this.refuseCycles(manager, task, create);

      await removeLinks(manager, actor, remove);
      const updated = await this.update(manager, actor, update);
      const created = await this.create(manager, actor, task, create);
      const pushed =
        created.length || updated.length
          ? await this.rescheduler.tasksChanged(manager, actor, task.projectId, [task.id])
          : 0;
      const links = await manager.find(DependencyEntity, { where: { successorId: task.id } });
      const order = new Map(wanted.map((w, index) => [w.predecessor.id, index]));
      links.sort((a, b) => (order.get(a.predecessorId) ?? 0) - (order.get(b.predecessorId) ?? 0));
      return {
        taskId: task.id,
        dependencies: links as unknown as DependencyDto[],
        created: created.length,
        updated: updated.length,
        removed: remove.length,
        pushed,
      };
    });
  }

  /** The listed predecessors as tasks of the project the actor sees (400 listing each problem). */
  private async resolve(
    manager: EntityManager,
    task: TaskEntity,
    dto: ReplacePredecessorsDto,
    actor: Actor,
  ): Promise<Wanted[]> {
    const problems: Problem[] = [];
    dto.predecessors.forEach((item, i) => {
      if ((item.predecessorId === undefined) === (item.code === undefined)) {
        problems.push(problem(`predecessors.${i}`, 'predecessorRef'));
      }
    });
    if (problems.length) throw invalid(problems);
    const ids = dto.predecessors.flatMap((item) => (item.predecessorId ? [item.predecessorId] : []));
    const codes = dto.predecessors.flatMap((item) => (item.code !== undefined ? [item.code] : []));
    const found =
      ids.length || codes.length
        ? await scopedQuery(manager, TaskEntity, Resource.Task, actor)
            .andWhere('e.projectId = :projectId', { projectId: task.projectId })
            .andWhere('(e.id IN (:...ids) OR e.code IN (:...codes))', {
              ids: ids.length ? ids : ['00000000-0000-0000-0000-000000000000'],
              codes: codes.length ? codes : [0],
            })
            .getMany()
        : [];
    const byId = new Map(found.map((t) => [t.id, t]));
    const byCode = new Map(found.map((t) => [t.code, t]));
    const seen = new Set<string>();
    const wanted: Wanted[] = [];
    dto.predecessors.forEach((item, i) => {
      const predecessor = item.predecessorId ? byId.get(item.predecessorId) : byCode.get(item.code as number);
      if (!predecessor) {
        problems.push(
          item.predecessorId
            ? problem(`predecessors.${i}.predecessorId`, 'noTaskInProject')
            : problem(`predecessors.${i}.code`, 'noTaskWithCode', { code: item.code as number }),
        );
      } else if (predecessor.id === task.id) {
        problems.push(problem(`predecessors.${i}`, 'predecessorIsSelf'));
      } else if (seen.has(predecessor.id)) {
        problems.push(problem(`predecessors.${i}`, 'predecessorTwice'));
      } else {
        seen.add(predecessor.id);
        wanted.push({ predecessor, type: item.type ?? DependencyType.FS, lagMinutes: item.lagMinutes ?? 0 });
      }
    });
    if (problems.length) throw invalid(problems);
    return wanted;
  }

  /**
   * A new link p → task closes a cycle when the task already leads to p. Links into the task
   * (those removed included) cannot be on such a path, so the links stored now decide.
   */
  private async refuseCycles(manager: EntityManager, task: TaskEntity, create: Wanted[]): Promise<void> {
    if (create.length === 0) return;
    const edges = (
      await manager.find(DependencyEntity, {
        select: { predecessorId: true, successorId: true },
        where: { projectId: task.projectId },
      })
    ).map((link) => ({ from: link.predecessorId, to: link.successorId }));
    for (const { predecessor } of create) {
      const path = findPath(edges, task.id, predecessor.id);
      if (!path) continue;
      const titles = new Map(
        (await manager.find(TaskEntity, { select: { id: true, title: true }, where: { id: In(path) } })).map((row) => [
          row.id,
          row.title,
        ]),
      );
      const cycle = path.map((id) => ({ id, title: titles.get(id) }));
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'dependency_cycle',
        {
          key: 'dependency_would_cycle',
          params: { path: [...cycle, cycle[0]].map((row) => row.title).join(' → ') },
        },
        { cycle },
      );
    }
  }

  private async update(
    manager: EntityManager,
    actor: Actor,
    changes: { link: DependencyEntity; w: Wanted }[],
  ): Promise<DependencyEntity[]> {
    if (changes.length === 0) return [];
    const written = await updateVersionedRows(
      manager,
      DependencyEntity,
      changes.map(({ link, w }) => ({
        id: link.id,
        version: link.version,
        values: { type: w.type, lagMinutes: w.lagMinutes },
      })),
    );
    // Read under the project lock just before: only a concurrent writer outside it could change one.
    if (written.size !== changes.length) throw ApiError.conflict('version_conflict', 'version_conflict');
    const after = changes.map(({ link, w }) => ({
      ...link,
      type: w.type,
      lagMinutes: w.lagMinutes,
      version: link.version + 1,
    }));
    await recordAudits(
      manager,
      changes.map(({ link }, i) => ({
        actor,
        action: AuditAction.Update,
        entity: Resource.Dependency,
        entityId: link.id,
        projectId: link.projectId,
        before: link,
        after: after[i],
      })),
    );
    return after;
  }

  private async create(
    manager: EntityManager,
    actor: Actor,
    task: TaskEntity,
    create: Wanted[],
  ): Promise<DependencyEntity[]> {
    if (create.length === 0) return [];
    const { identifiers } = await manager.insert(
      DependencyEntity,
      create.map((w) => ({
        projectId: task.projectId,
        predecessorId: w.predecessor.id,
        successorId: task.id,
        type: w.type,
        lagMinutes: w.lagMinutes,
      })),
    );
    const saved = await manager.find(DependencyEntity, {
      where: { id: In(identifiers.map((row) => row['id'] as string)) },
    });
    await recordAudits(
      manager,
      saved.map((link) => ({
        actor,
        action: AuditAction.Create,
        entity: Resource.Dependency,
        entityId: link.id,
        projectId: link.projectId,
        after: link,
      })),
    );
    return saved;
  }
}

/** A 400 listing field problems, worded like the validation pipe's. */
const invalid = (problems: Problem[]) =>
  ApiError.badRequest({ key: 'validation_failed', params: { fields: problems.map((p) => p.field) } }, problems);

/** The project's planners (and admins) create, change and delete its links; others 403 naming why. */
function authorize(actor: Actor, task: TaskEntity): void {
  for (const action of ['create', 'update', 'delete'] as const) {
    const refusal = writeRefusal(Resource.Dependency, action, actor, { projectId: task.projectId });
    if (refusal) throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', refusal.message);
  }
}

/** The stored links are exactly the seen ones, each at the version seen. */
function sameLinks(stored: readonly DependencyEntity[], seen: readonly { id: string; version: number }[]): boolean {
  const versions = new Map(seen.map((link) => [link.id, link.version]));
  return stored.length === versions.size && stored.every((link) => versions.get(link.id) === link.version);
}
