import { HttpStatus } from '@nestjs/common';
import { Actor, readScope, Resource, WriteAction, writeRefusal, WriteTarget } from '@worksite/auth-access';
import { VersionedEntity } from '@worksite/server-data-access';
import { AuditAction } from '@worksite/shared-domain';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ApiError, noun } from './api-error';
import { recordAudit } from './audit';
import { Page, PageQueryDto } from './pagination';

/** Body of every update: the changed fields plus the version the client last read. */
export interface VersionedUpdate {
  version: number;
}

/**
 * Create/read/update/delete for one entity, each write in one transaction with its audit
 * entry. Reads are limited to what the actor may see (anything else is "not found"); writes
 * pass the write rules (else 403). Updates are conditional on the version the client read
 * (UPDATE … WHERE id AND version), so a stale write answers 409 and changes nothing:
 * TypeORM's @VersionColumn alone would not.
 */
export abstract class CrudService<E extends VersionedEntity, C extends object, U extends VersionedUpdate> {
  protected abstract readonly entity: EntityTarget<E>;
  /** The resource name of the access rules and the audit trail. */
  protected abstract readonly resource: Resource;
  /** Default ordering of lists, e.g. { name: 'ASC' }. */
  protected abstract readonly order: Record<string, 'ASC' | 'DESC'>;

  /** Read the row again after afterWrite/afterCreate (off when those never change the row). */
  protected readonly reloadAfterWrite: boolean = true;
  /**
   * A select list of the row in the shape `load` answers, without alias (PlainPage.returning):
   * the update returns the row it wrote instead of reading it again (one round trip fewer while
   * an edit holds its project's lock). Unset: the row is read with `load`.
   */
  protected readonly returning?: string;

  constructor(protected readonly dataSource: DataSource) {}

  /** Adds the list filters of a query to the builder (alias `e`). */
  protected abstract filter(builder: SelectQueryBuilder<E>, query: PageQueryDto): SelectQueryBuilder<E>;

  /** Turns a create body into column values (override to derive or check values). */
  protected async toCreateValues(dto: C, _manager: EntityManager, _actor: Actor): Promise<Partial<E>> {
    return { ...dto } as unknown as Partial<E>;
  }

  /** Turns an update body into column values, knowing the current row. */
  protected async toUpdateValues(
    changes: Omit<U, 'version'>,
    _current: E,
    _manager: EntityManager,
    _actor: Actor,
  ): Promise<Partial<E>> {
    return { ...changes } as unknown as Partial<E>;
  }

  /** Runs after a create or update inside its transaction (e.g. to write relations). */
  protected async afterWrite(_saved: E, _dto: Partial<C>, _manager: EntityManager, _actor: Actor): Promise<void> {
    return;
  }

  /** Runs after a create only, inside its transaction (e.g. to assign the creator). */
  protected async afterCreate(_saved: E, _manager: EntityManager, _actor: Actor): Promise<void> {
    return;
  }

  /** Override to refuse or cascade a deletion; runs in the delete's transaction. */
  protected async beforeRemove(
    _current: E,
    _manager: EntityManager,
    _actor: Actor,
    _options: Record<string, unknown>,
  ): Promise<void> {
    return;
  }

  /** The project a row belongs to (audit trail, coordinators' rules); override where it differs. */
  protected projectIdOf(row: Partial<E>): string | null {
    return ((row as { projectId?: string | null }).projectId ?? null) as string | null;
  }

  /** The facts the write rules look at. */
  protected writeTarget(row: Partial<E>): WriteTarget {
    const fields = row as { crewId?: string | null; departmentId?: string | null };
    return { projectId: this.projectIdOf(row), crewId: fields.crewId, departmentId: fields.departmentId };
  }

  async list(query: PageQueryDto, actor: Actor): Promise<Page<E>> {
    const builder = this.visible(this.dataSource.manager, actor);
    this.filter(builder, query);
    for (const [column, direction] of Object.entries(this.order)) builder.addOrderBy(`e.${column}`, direction);
    builder.addOrderBy('e.id', 'ASC');
    const [items, total] = await builder
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** One row the actor may see; 404 for a missing row and for one hidden from the actor alike. */
  async get(id: string, actor: Actor, manager: EntityManager = this.dataSource.manager): Promise<E> {
    const found = await this.visible(manager, actor).andWhere('e.id = :id', { id }).getOne();
    if (!found) throw ApiError.notFound(this.resource, id);
    return found;
  }

  async create(dto: C, actor: Actor): Promise<E> {
    return this.dataSource.transaction(async (manager) => {
      const values = await this.toCreateValues(dto, manager, actor);
      this.authorize('create', actor, values, Object.keys(dto));
      const inserted = await manager.insert(this.entity, values as never);
      const id = (inserted.identifiers[0] as ObjectLiteral)['id'] as string;
      const saved = await this.load(id, manager);
      await this.afterWrite(saved, dto, manager, actor);
      await this.afterCreate(saved, manager, actor);
      const result = this.reloadAfterWrite ? await this.load(id, manager) : saved;
      await this.audit(manager, actor, AuditAction.Create, result, undefined, result);
      return result;
    });
  }

  async update(id: string, dto: U, actor: Actor): Promise<E> {
    const { version, ...changes } = dto;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, actor, manager);
      this.authorize('update', actor, current, Object.keys(changes));
      if (current.version !== version) throw this.staleVersion(current);
      const values = await this.toUpdateValues(changes, current, manager, actor);
      const update = manager
        .createQueryBuilder()
        .update(this.entity)
        .set({ ...values, version: () => 'version + 1' } as never)
        .where('id = :id AND version = :version', { id, version });
      const result = await (this.returning ? update.returning(this.returning) : update).execute();
      if (result.affected !== 1) throw this.staleVersion(await this.load(id, manager));
      const saved = this.returning ? (result.raw as E[])[0] : await this.load(id, manager);
      await this.afterWrite(saved, changes as unknown as Partial<C>, manager, actor);
      const after = this.reloadAfterWrite ? await this.load(id, manager) : saved;
      await this.audit(manager, actor, AuditAction.Update, after, current, after);
      return after;
    });
  }

  async remove(id: string, actor: Actor, options: Record<string, unknown> = {}): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, actor, manager);
      this.authorize('delete', actor, current, []);
      await this.beforeRemove(current, manager, actor, options);
      await manager.delete(this.entity, { id } as never);
      await this.audit(manager, actor, AuditAction.Delete, current, current, undefined);
    });
  }

  /** A query over the rows the actor may see, aliased `e`. */
  protected visible(manager: EntityManager, actor: Actor): SelectQueryBuilder<E> {
    return scopedQuery(manager, this.entity, this.resource, actor);
  }

  /** A row by id, without access rules (after the caller has checked them). */
  protected async load(id: string, manager: EntityManager): Promise<E> {
    return manager.getRepository(this.entity).findOneOrFail({ where: { id } as never });
  }

  protected authorize(action: WriteAction, actor: Actor, target: Partial<E>, fields: string[]): void {
    const refusal = writeRefusal(this.resource, action, actor, this.writeTarget(target), fields);
    if (refusal) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'forbidden',
        refusal.message,
        refusal.fields ? { fields: refusal.fields } : {},
      );
    }
  }

  protected audit(
    manager: EntityManager,
    actor: Actor,
    action: AuditAction,
    row: E,
    before: E | undefined,
    after: E | undefined,
  ): Promise<void> {
    return recordAudit(manager, {
      actor,
      action,
      entity: this.resource,
      entityId: row.id,
      projectId: this.projectIdOf(row),
      before,
      after,
    });
  }

  protected staleVersion(current: E): ApiError {
    return new ApiError(
      HttpStatus.CONFLICT,
      'version_conflict',
      { key: 'version_conflict', params: { entity: noun(this.resource), id: current.id, version: current.version } },
      { currentVersion: current.version },
    );
  }
}

/** A query over the rows of `entity` the actor may see, aliased `e`. */
export function scopedQuery<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  resource: Resource,
  actor: Actor,
): SelectQueryBuilder<T> {
  const builder = manager.getRepository(entity).createQueryBuilder('e');
  const scope = readScope(resource, actor);
  if (scope === 'none') builder.andWhere('1 = 0');
  else if (scope !== 'all') builder.andWhere(scope.where, scope.params);
  return builder;
}
