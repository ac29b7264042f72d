import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, containing, CrudService, problem } from '@worksite/api-core';
import { Actor, ActorCache, Resource } from '@worksite/auth-access';
import { UserEntity } from '@worksite/server-data-access';
import { Role } from '@worksite/shared-domain';
import { DataSource, EntityManager, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { PasswordService } from '../password.service';
import { assertPasswordAccepted } from '../password-rules';
import { endSessions, SessionEnd } from '../session-end';
import { CreateUserDto, UpdateUserDto, UserQueryDto } from './user.dto';

/** Changes after which the user's logins end (their rights or credentials changed). */
const SESSION_ENDING_FIELDS = ['password', 'role', 'active', 'departmentId', 'crewIds', 'projectIds'];

/**
 * Accounts (admins only): role, assignments to projects/crews/department, password. Usernames
 * are unique ignoring case; passwords follow the one policy; the last active administrator
 * stays one.
 */
@Injectable()
export class UsersService extends CrudService<UserEntity, CreateUserDto, UpdateUserDto> {
  protected readonly entity = UserEntity;
  protected readonly resource = Resource.User;
  protected readonly order = { username: 'ASC' as const };

  constructor(
    dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly actors: ActorCache,
  ) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<UserEntity>, query: UserQueryDto) {
    if (query.role) builder.andWhere('e.role = :role', { role: query.role });
    if (query.q) builder.andWhere('(e.username ILIKE :q OR e.displayName ILIKE :q)', { q: containing(query.q) });
    return builder;
  }

  override async create(dto: CreateUserDto, actor: Actor): Promise<UserEntity> {
    return super.create(dto, actor).catch((error: unknown) => {
      throw usernameTaken(error, dto.username) ?? error;
    });
  }

  /** Once written, this process's cached sessions of the user go (other processes are notified). */
  override async update(id: string, dto: UpdateUserDto, actor: Actor): Promise<UserEntity> {
    const user = await super.update(id, dto, actor).catch((error: unknown) => {
      throw usernameTaken(error, dto.username) ?? error;
    });
    this.actors.forget(id);
    return user;
  }

  override async remove(id: string, actor: Actor, options: Record<string, unknown> = {}): Promise<void> {
    await super.remove(id, actor, options);
    this.actors.forget(id);
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
    assertPasswordAccepted(password, dto.username, 'password');
    return { ...values, passwordHash: await this.passwords.hash(password), passwordChangedAt: new Date() };
  }

  protected override async toUpdateValues(
    changes: Omit<UpdateUserDto, 'version'>,
    current: UserEntity,
    manager: EntityManager,
  ): Promise<Partial<UserEntity>> {
    const { password, crewIds: _crews, projectIds: _projects, ...values } = changes;
    const demoted = changes.role !== undefined && changes.role !== Role.Admin;
    if (current.role === Role.Admin && current.active && (demoted || changes.active === false)) {
      await this.keepAnotherActiveAdmin(manager, current, demoted ? 'demoted' : 'deactivated');
    }
    if (password === undefined) return values;
    assertPasswordAccepted(password, changes.username ?? current.username, 'password');
    // The audit entry shows passwordChangedAt before and after; never the password or its hash.
    return { ...values, passwordHash: await this.passwords.hash(password), passwordChangedAt: new Date() };
  }

  protected override async beforeRemove(current: UserEntity, manager: EntityManager): Promise<void> {
    if (current.role === Role.Admin && current.active) await this.keepAnotherActiveAdmin(manager, current, 'deleted');
  }

  protected override async afterWrite(
    user: UserEntity,
    dto: Partial<CreateUserDto>,
    manager: EntityManager,
  ): Promise<void> {
    if (dto.crewIds) await this.replace(manager, 'user_crews', 'crew_id', user.id, dto.crewIds);
    if (dto.projectIds) await this.replace(manager, 'user_projects', 'project_id', user.id, dto.projectIds);
    if (SESSION_ENDING_FIELDS.some((field) => field in dto)) {
      await endSessions(manager, { userId: user.id }, SessionEnd.AccountChanged);
    }
  }

  /**
   * Refuses (409) to take the last active administrator away. Every active admin row is locked
   * first, in one order, so two requests demoting the last two admins run one after the other
   * and the second sees that only one is left.
   */
  private async keepAnotherActiveAdmin(
    manager: EntityManager,
    user: UserEntity,
    change: 'demoted' | 'deactivated' | 'deleted',
  ): Promise<void> {
    const admins: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
    );
    if (admins.some((admin) => admin.id !== user.id)) return;
    throw new ApiError(HttpStatus.CONFLICT, 'last_admin', {
      key: `last_admin_${change}`,
      params: { username: user.username },
    });
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

/** The unique index on lower(username) refused the name: a 409 that says "ignoring case". */
function usernameTaken(error: unknown, username: string | undefined): ApiError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  if ((error.driverError as { constraint?: string }).constraint !== 'uq_users_username_lower') return undefined;
  return new ApiError(
    HttpStatus.CONFLICT,
    'username_taken',
    { key: 'username_taken', params: { username: username ?? '' } },
    { problems: [problem('username', 'takenIgnoringCase')] },
  );
}
