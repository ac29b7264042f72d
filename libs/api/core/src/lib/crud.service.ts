import { HttpStatus } from '@nestjs/common';
import { VersionedEntity } from '@worksite/server-data-access';
import {
  DataSource,
  EntityManager,
  EntityTarget,
  ObjectLiteral,
  SelectQueryBuilder,
} from 'typeorm';
import { ApiError } from './api-error';
import { Page, PageQueryDto } from './pagination';

/** Body of every update: the changed fields plus the version the client last read. */
export interface VersionedUpdate {
  version: number;
}

/**
 * Create/read/update/delete for one entity, each write in one transaction. Updates are
 * conditional on the version the client read (UPDATE … WHERE id AND version), so a stale
 * write answers 409 and changes nothing; TypeORM's @VersionColumn alone would not.
 */
export abstract class CrudService<
  E extends VersionedEntity,
  C extends object,
  U extends VersionedUpdate,
> {
  protected abstract readonly entity: EntityTarget<E>;
  /** Human name used in messages, e.g. "Crew". */
  protected abstract readonly label: string;
  /** Default ordering of lists, e.g. { name: 'ASC' }. */
  protected abstract readonly order: Record<string, 'ASC' | 'DESC'>;

  constructor(protected readonly dataSource: DataSource) {}

  /** Adds the list filters of a query to the builder (alias `e`). */
  protected abstract filter(
    builder: SelectQueryBuilder<E>,
    query: PageQueryDto,
  ): SelectQueryBuilder<E>;

  /** Turns a create body into column values (override to derive or check values). */
  protected async toCreateValues(
    dto: C,
    _manager: EntityManager,
  ): Promise<Partial<E>> {
    return { ...dto } as unknown as Partial<E>;
  }

  /** Turns an update body into column values, knowing the current row. */
  protected async toUpdateValues(
    changes: Omit<U, 'version'>,
    _current: E,
    _manager: EntityManager,
  ): Promise<Partial<E>> {
    return { ...changes } as unknown as Partial<E>;
  }

  /** Runs after a create or update inside its transaction (e.g. to write relations). */
  protected async afterWrite(
    _saved: E,
    _dto: Partial<C>,
    _manager: EntityManager,
  ): Promise<void> {
    return;
  }

  async list(query: PageQueryDto): Promise<Page<E>> {
    const builder = this.filter(
      this.dataSource.getRepository(this.entity).createQueryBuilder('e'),
      query,
    );
    for (const [column, direction] of Object.entries(this.order))
      builder.addOrderBy(`e.${column}`, direction);
    builder.addOrderBy('e.id', 'ASC');
    const [items, total] = await builder
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<E> {
    const found = await manager.findOne(this.entity, {
      where: { id } as never,
    });
    if (!found) throw ApiError.notFound(this.label, id);
    return found;
  }

  async create(dto: C): Promise<E> {
    return this.dataSource.transaction(async (manager) => {
      const values = await this.toCreateValues(dto, manager);
      const inserted = await manager.insert(this.entity, values as never);
      const id = (inserted.identifiers[0] as ObjectLiteral)['id'] as string;
      const saved = await this.get(id, manager);
      await this.afterWrite(saved, dto, manager);
      return this.get(id, manager);
    });
  }

  async update(id: string, dto: U): Promise<E> {
    const { version, ...changes } = dto;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager);
      if (current.version !== version) throw this.staleVersion(current);
      const values = await this.toUpdateValues(changes, current, manager);
      const result = await manager
        .createQueryBuilder()
        .update(this.entity)
        .set({ ...values, version: () => 'version + 1' } as never)
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1)
        throw this.staleVersion(await this.get(id, manager));
      const saved = await this.get(id, manager);
      await this.afterWrite(saved, changes as unknown as Partial<C>, manager);
      return saved;
    });
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager);
      await this.beforeRemove(current, manager);
      await manager.delete(this.entity, { id } as never);
    });
  }

  /** Override to refuse or cascade a deletion; runs in the delete's transaction. */
  protected async beforeRemove(
    _current: E,
    _manager: EntityManager,
  ): Promise<void> {
    return;
  }

  protected staleVersion(current: E): ApiError {
    return new ApiError(
      HttpStatus.CONFLICT,
      'version_conflict',
      `${this.label} ${current.id} was changed by someone else (now version ${current.version}); reload and try again.`,
      { currentVersion: current.version },
    );
  }
}
