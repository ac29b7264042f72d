import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ApiError,
  AuditInput,
  changeSetOf,
  currentChangeSetId,
  noun,
  recordAudits,
  runInChangeSet,
  scopedQuery,
  updateVersionedRows,
} from '@worksite/api-core';
import { Actor, Resource } from '@worksite/auth-access';
import { lockProjectForScheduling, ProjectRescheduler } from '@worksite/scheduling-data-access';
import {
  AuditEntryEntity,
  ChangeSetEntity,
  DependencyEntity,
  ProjectEntity,
  TaskEntity,
} from '@worksite/server-data-access';
import { AuditAction, ChangeSetRevertDto, mayPlanProject, RenumberedTaskDto, Role } from '@worksite/shared-domain';
import { Text } from '@worksite/shared-i18n';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, EntityTarget, In } from 'typeorm';
import { cancelOut, ChangeSetLink, Inverse, inverseOf, NotUndoable, UndoableEntity } from './change-set-inverse';

type Row = TaskEntity | DependencyEntity;
type Restore = Extract<Inverse, { kind: 'restore' }>;
const TARGET: Record<UndoableEntity, EntityTarget<Row>> = { task: TaskEntity, dependency: DependencyEntity };
/** Columns an undo never writes from the audit trail: the row's identity and bookkeeping. */
const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/**
 * Undo and redo of change sets. An undo applies the inverse of every row the change set
 * wrote, in one transaction under the project lock, each row conditional on the version the
 * change set left it at: if anyone changed one of them since, nothing is written and the 409
 * names the task. The undo is a change set of its own (its redo is its undo), re-schedules the
 * project as an edit does and is recorded in the audit trail like any write.
 */
@Injectable()
export class ChangeSetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rescheduler: ProjectRescheduler,
  ) {}

  undo(id: string, actor: Actor): Promise<ChangeSetRevertDto> {
    return this.inChangeSet(() => this.revert(id, actor, false));
  }

  /** Takes an undo back: `id` is the change set the undo answered with. */
  redo(id: string, actor: Actor): Promise<ChangeSetRevertDto> {
    return this.inChangeSet(() => this.revert(id, actor, true));
  }

  /** Outside an HTTP write (tests, scripts) the undo gets a change set of its own. */
  private inChangeSet<T>(fn: () => Promise<T>): Promise<T> {
    return currentChangeSetId() ? fn() : runInChangeSet(randomUUID(), fn);
  }

  private revert(id: string, actor: Actor, redo: boolean): Promise<ChangeSetRevertDto> {
    const revertId = currentChangeSetId() as string;
    if (revertId === id) throw ApiError.badRequest('change_set_header_invalid');
    return this.dataSource.transaction(async (manager) => {
      const target = await manager.findOneBy(ChangeSetEntity, { id });
      if (!target) throw ApiError.notFound('change-set', id);
      const entries = await manager.find(AuditEntryEntity, { where: { changeSetId: id } });
      const projectIds = [
        ...new Set([target.projectId, ...entries.map((entry) => entry.projectId)].filter((p): p is string => !!p)),
      ].sort();
      await this.authorize(manager, actor, target, projectIds);
      for (const projectId of projectIds) await lockProjectForScheduling(manager, projectId);
      const locked = await manager
        .createQueryBuilder(ChangeSetEntity, 'c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id })
        .getOneOrFail();
      if (locked.revertedById) throw ApiError.conflict('change_set_already_undone', 'change_set_already_undone');
      if (redo && !locked.revertsId) throw ApiError.conflict('change_set_not_an_undo', 'change_set_not_an_undo');
      let inverses: Inverse[];
      try {
        inverses = inverseOf(entries);
      } catch (error) {
        if (!(error instanceof NotUndoable)) throw error;
        throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'change_set_not_undoable', {
          key: 'change_set_not_undoable',
          params: { entity: noun(error.entity as Resource) },
        });
      }
      if (inverses.length === 0) throw ApiError.conflict('change_set_nothing', 'change_set_nothing');
      await changeSetOf(manager, actor, projectIds[0] ?? null);
      const written = await new InverseWriter(manager, actor, id).apply(inverses);
      await manager.update(ChangeSetEntity, { id: revertId }, { revertsId: id });
      await manager.update(ChangeSetEntity, { id }, { revertedById: revertId });
      const pushed = new Set<string>();
      for (const projectId of projectIds) {
        const origins = written.origins.filter((origin) => origin.projectId === projectId).map((o) => o.taskId);
        await this.rescheduler.tasksRestored(manager, actor, projectId, [...new Set(origins)]);
      }
      const moved: { entity_id: string }[] = await manager.query(
        `SELECT DISTINCT entity_id FROM audit_entries WHERE change_set_id = $1 AND entity = 'task'`,
        [revertId],
      );
      for (const row of moved) pushed.add(row.entity_id);
      return {
        changeSetId: revertId,
        revertsId: id,
        projectIds,
        taskIds: [...pushed],
        dependencyIds: written.dependencyIds,
        renumbered: written.renumbered,
      };
    });
  }

  /**
   * 404 when the actor cannot see the change set's project (as for a missing one); 403 unless
   * the actor plans every project it touched and is its author or an administrator.
   */
  private async authorize(
    manager: EntityManager,
    actor: Actor,
    target: ChangeSetEntity,
    projectIds: string[],
  ): Promise<void> {
    for (const projectId of projectIds) {
      const visible = await scopedQuery(manager, ProjectEntity, Resource.Project, actor)
        .andWhere('e.id = :projectId', { projectId })
        .getExists();
      if (!visible) throw ApiError.notFound('change-set', target.id);
    }
    if (!projectIds.every((projectId) => mayPlanProject(actor, projectId))) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'plan_only_own_projects');
    }
    if (target.actorId !== actor.id && actor.role !== Role.Admin) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'change_set_not_yours');
    }
  }
}

/** Applies inverse operations in an order the foreign keys accept, each checked against its version first. */
class InverseWriter {
  readonly origins: { projectId: string; taskId: string }[] = [];
  readonly dependencyIds: string[] = [];
  readonly renumbered: RenumberedTaskDto[] = [];
  /** The version each row is written at: the one the change set left, or an equal one after undone edits. */
  private readonly versions = new Map<string, number>();
  /** The audit entries of the writes, recorded together at the end. */
  private readonly audits: AuditInput[] = [];
  /** The rows as read before any write (for the audit trail's "before"). */
  private readonly current = new Map<string, Row>();

  constructor(
    private readonly manager: EntityManager,
    private readonly actor: Actor,
    private readonly changeSetId: string,
  ) {}

  async apply(inverses: Inverse[]): Promise<Pick<InverseWriter, 'origins' | 'dependencyIds' | 'renumbered'>> {
    const of = <K extends Inverse['kind']>(entity: UndoableEntity, kind: K) =>
      inverses.filter(
        (inverse): inverse is Extract<Inverse, { kind: K }> => inverse.entity === entity && inverse.kind === kind,
      );
    await this.refuseStale(inverses);
    for (const inverse of of('dependency', 'delete')) await this.remove(inverse);
    await this.restoreAll('task', of('task', 'restore'));
    for (const inverse of of('task', 'delete')) {
      await this.removeLinksOf(inverse.id);
      await this.remove(inverse);
    }
    for (const inverse of of('task', 'recreate')) await this.recreate(inverse);
    for (const inverse of of('dependency', 'recreate')) await this.recreate(inverse);
    await this.restoreAll('dependency', of('dependency', 'restore'));
    await recordAudits(this.manager, this.audits);
    return { origins: this.origins, dependencyIds: this.dependencyIds, renumbered: this.renumbered };
  }

  /**
   * The first row changed since the change set (or recreated meanwhile) refuses the whole undo.
   * A row at a later version is unchanged when what wrote it since cancels out (edits undone).
   */
  private async refuseStale(inverses: Inverse[]): Promise<void> {
    for (const entity of ['task', 'dependency'] as const) {
      const mine = inverses.filter((inverse) => inverse.entity === entity);
      if (mine.length === 0) continue;
      const current = await this.manager.find(TARGET[entity], {
        where: { id: In(mine.map((inverse) => inverse.id)) },
      });
      const byId = new Map(current.map((row) => [row.id, row]));
      for (const inverse of mine) {
        const row = byId.get(inverse.id);
        if (inverse.kind === 'recreate' ? !row : row && (await this.unchangedSince(inverse, row.version))) {
          if (row) {
            this.versions.set(inverse.id, row.version);
            this.current.set(inverse.id, row);
          }
          continue;
        }
        throw await this.staleError(inverse, row);
      }
    }
  }

  private async unchangedSince(inverse: Inverse, version: number): Promise<boolean> {
    if (version === inverse.version) return true;
    const sets: ChangeSetLink[] = await this.manager.query(
      `SELECT DISTINCT c.id, c.reverts_id AS "revertsId", c.reverted_by_id AS "revertedById"
         FROM audit_entries a JOIN change_sets c ON c.id = a.change_set_id
        WHERE a.entity = $1 AND a.entity_id = $2 AND a.row_version > $3`,
      [inverse.entity, inverse.id, inverse.version],
    );
    const unstamped: { n: string }[] = await this.manager.query(
      `SELECT count(*) AS n FROM audit_entries
        WHERE entity = $1 AND entity_id = $2 AND row_version > $3 AND change_set_id IS NULL`,
      [inverse.entity, inverse.id, inverse.version],
    );
    return Number(unstamped[0].n) === 0 && sets.length > 0 && cancelOut(sets);
  }

  private async staleError(inverse: Inverse, row: Row | undefined): Promise<ApiError> {
    const [last] = (await this.manager.query(
      `SELECT actor_name AS name FROM audit_entries
        WHERE entity = $1 AND entity_id = $2 AND change_set_id IS DISTINCT FROM $3
        ORDER BY at DESC LIMIT 1`,
      [inverse.entity, inverse.id, this.changeSetId],
    )) as { name: string }[];
    const who: Text | string = last?.name ?? { key: 'change_set_someone' };
    const extra = { entity: inverse.entity, id: inverse.id, currentVersion: row?.version ?? null };
    if (inverse.entity === 'task') {
      const title = (row as TaskEntity | undefined)?.title ?? (await this.titleOf(inverse.id));
      return ApiError.conflict('change_set_stale', { key: 'change_set_stale_task', params: { title, who } }, extra);
    }
    const link = (row as DependencyEntity | undefined) ?? (inverse.kind === 'delete' ? undefined : inverse.values);
    const predecessor = await this.titleOf(String(link?.['predecessorId' as keyof typeof link] ?? ''));
    const successor = await this.titleOf(String(link?.['successorId' as keyof typeof link] ?? ''));
    return ApiError.conflict(
      'change_set_stale',
      { key: 'change_set_stale_link', params: { predecessor, successor, who } },
      extra,
    );
  }

  /** A task's title now, or as the audit trail last had it (a deleted task). */
  private async titleOf(taskId: string): Promise<string> {
    const [row] = (await this.manager.query(
      `SELECT title FROM tasks WHERE id::text = $1
       UNION ALL
       SELECT * FROM (SELECT coalesce(changes->'title'->>'after', changes->'title'->>'before') FROM audit_entries
        WHERE entity = 'task' AND entity_id::text = $1 AND changes ? 'title' ORDER BY at DESC LIMIT 1) last
       LIMIT 1`,
      [taskId],
    )) as { title: string }[];
    return row?.title ?? taskId;
  }

  private async remove(inverse: Inverse): Promise<void> {
    const target = TARGET[inverse.entity];
    const before = this.current.get(inverse.id) as Row;
    const result = await this.manager
      .createQueryBuilder()
      .delete()
      .from(target)
      .where('id = :id AND version = :version', { id: inverse.id, version: this.versions.get(inverse.id) })
      .execute();
    if (result.affected !== 1) throw await this.staleError(inverse, before);
    this.audit(inverse.entity, AuditAction.Delete, before, undefined);
  }

  /** Links of a created task added by others since: deleted with it (recorded, so a redo brings them back). */
  private async removeLinksOf(taskId: string): Promise<void> {
    const links = await this.manager.find(DependencyEntity, {
      where: [{ predecessorId: taskId }, { successorId: taskId }],
    });
    for (const link of links) {
      await this.manager.delete(DependencyEntity, { id: link.id });
      this.audit('dependency', AuditAction.Delete, link, undefined);
    }
  }

  /**
   * Rows whose restored columns are the same plain ones (the dates the re-scheduling moved, most
   * often) go back in one UPDATE per set of columns (`updateVersionedRows`); the others one by one.
   */
  private async restoreAll(entity: UndoableEntity, inverses: Restore[]): Promise<void> {
    if (inverses.length === 0) return;
    const values = new Map(inverses.map((inverse) => [inverse.id, this.columns(inverse)]));
    const written = await updateVersionedRows(
      this.manager,
      TARGET[entity],
      inverses.map((inverse) => ({
        id: inverse.id,
        version: this.versions.get(inverse.id) as number,
        values: values.get(inverse.id) as Record<string, unknown>,
      })),
    );
    const stale = inverses.find((inverse) => !written.has(inverse.id));
    if (stale) throw await this.staleError(stale, this.current.get(stale.id));
    for (const inverse of inverses) {
      const before = this.current.get(inverse.id) as Row;
      // The row as written (values as the audit trail keeps them: its diff reads dates as ISO text).
      const after = { ...before, ...values.get(inverse.id), version: before.version + 1 } as Row;
      this.audit(inverse.entity, AuditAction.Update, before, after);
    }
  }

  private async recreate(inverse: Extract<Inverse, { values: object }>): Promise<void> {
    const target = TARGET[inverse.entity];
    const values = this.columns(inverse);
    if (inverse.entity === 'dependency') {
      for (const field of ['predecessorId', 'successorId']) {
        const taskId = String(values[field]);
        if (!(await this.manager.existsBy(TaskEntity, { id: taskId }))) {
          throw ApiError.conflict('change_set_stale', {
            key: 'change_set_task_gone',
            params: { title: await this.titleOf(taskId) },
          });
        }
      }
    }
    const previousCode = inverse.entity === 'task' ? await this.takenCode(values) : null;
    // A taken code is left to the database's trigger, which gives the project's next one.
    if (previousCode !== null) values['code'] = null;
    const after = { ...values, id: inverse.id, version: inverse.version } as Row;
    await this.manager.insert(target, after as never);
    if (previousCode !== null) {
      const { code, title } = await this.manager.findOneOrFail(TaskEntity, {
        select: { id: true, code: true, title: true },
        where: { id: inverse.id },
      });
      (after as TaskEntity).code = code;
      this.renumbered.push({ taskId: inverse.id, title, previousCode, code });
    }
    this.audit(inverse.entity, AuditAction.Create, undefined, after);
  }

  /** The code of a deleted task about to be recreated, when a newer task of its project holds it now. */
  private async takenCode(values: Record<string, unknown>): Promise<number | null> {
    const code = values['code'];
    if (typeof code !== 'number') return null;
    const taken = await this.manager.existsBy(TaskEntity, { projectId: String(values['projectId']), code });
    return taken ? code : null;
  }

  /** The inverse's values of the entity's own columns (never relations or bookkeeping). */
  private columns(inverse: Extract<Inverse, { values: object }>): Record<string, unknown> {
    const metadata = this.manager.connection.getMetadata(TARGET[inverse.entity]);
    const names = new Set(metadata.columns.map((column) => column.propertyName));
    return Object.fromEntries(
      Object.entries(inverse.values).filter(([field]) => names.has(field) && !BOOKKEEPING.has(field)),
    );
  }

  /** Records the write and remembers what the re-scheduling starts from (tasks kept, successors of links kept). */
  private audit(entity: UndoableEntity, action: AuditAction, before: Row | undefined, after: Row | undefined): void {
    const row = (after ?? before) as Row;
    if (entity === 'dependency') this.dependencyIds.push(row.id);
    if (after) {
      const taskId = entity === 'task' ? after.id : (after as DependencyEntity).successorId;
      this.origins.push({ projectId: after.projectId, taskId });
    }
    this.audits.push({ actor: this.actor, action, entity, entityId: row.id, projectId: row.projectId, before, after });
  }
}
