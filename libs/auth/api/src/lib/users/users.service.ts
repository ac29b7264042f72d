import { Injectable } from '@nestjs/common';
import { containing, CrudService } from '@worksite/api-core';
import { Actor, Resource } from '@worksite/auth-access';
import { SessionEntity, UserEntity } from '@worksite/server-data-access';
import { DataSource, EntityManager, IsNull, SelectQueryBuilder } from 'typeorm';
import { PasswordService } from '../password.service';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './user.dto';

/** Changes after which the user's logins end (their rights or credentials changed). */
const SESSION_ENDING_FIELDS = ['password', 'role', 'active', 'departmentId', 'crewIds', 'projectIds'];

/** Accounts (admins only): role, assignments to projects/crews/department, password. */
@Injectable()
export class UsersService extends CrudService<UserEntity, CreateUserDto, UpdateUserDto> {
  protected readonly entity = UserEntity;
  protected readonly resource = Resource.User;
  protected readonly order = { username: 'ASC' as const };

  constructor(
    dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<UserEntity>, query: UserQueryDto) {
    if (query.role) builder.andWhere('e.role = :role', { role: query.role });
    if (query.q) builder.andWhere('(e.username ILIKE :q OR e.displayName ILIKE :q)', { q: containing(query.q) });
    return builder;
  }

  /** Users come with the ids of their crews and projects. */
  protected override visible(manager: EntityManager, actor: Actor): SelectQueryBuilder<UserEntity> {
    return super.visible(manager, actor).loadAllRelationIds({ relations: ['crews', 'projects'] });
  }

  protected override async load(id: string, manager: EntityManager): Promise<UserEntity> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('e')
      .loadAllRelationIds({ relations: ['crews', 'projects'] })
      .where('e.id = :id', { id })
      .getOneOrFail();
  }

  protected override async toCreateValues(dto: CreateUserDto): Promise<Partial<UserEntity>> {
    const { password, crewIds: _crews, projectIds: _projects, ...values } = dto;
    return { ...values, passwordHash: await this.passwords.hash(password) };
  }

  protected override async toUpdateValues(changes: Omit<UpdateUserDto, 'version'>): Promise<Partial<UserEntity>> {
    const { password, crewIds: _crews, projectIds: _projects, ...values } = changes;
    return password ? { ...values, passwordHash: await this.passwords.hash(password) } : values;
  }

  protected override async afterWrite(
    user: UserEntity,
    dto: Partial<CreateUserDto>,
    manager: EntityManager,
  ): Promise<void> {
    if (dto.crewIds) await this.replace(manager, 'user_crews', 'crew_id', user.id, dto.crewIds);
    if (dto.projectIds) await this.replace(manager, 'user_projects', 'project_id', user.id, dto.projectIds);
    if (SESSION_ENDING_FIELDS.some((field) => field in dto)) {
      await manager.update(SessionEntity, { userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    }
  }

  private async replace(manager: EntityManager, table: string, column: string, userId: string, ids: string[]) {
    await manager.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
    if (ids.length) {
      await manager.query(
        `INSERT INTO ${table} (user_id, ${column}) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [userId, [...new Set(ids)]],
      );
    }
  }
}
