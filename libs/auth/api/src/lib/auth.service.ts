import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, problem, recordAudit } from '@worksite/api-core';
import { Actor, ActorCache, Resource } from '@worksite/auth-access';
import { AppConfig } from '@worksite/server-config';
import { SessionEntity, UserEntity } from '@worksite/server-data-access';
import { AuditAction } from '@worksite/shared-domain';
import { DataSource, IsNull, Not } from 'typeorm';
import { TokenResponse } from './auth.dto';
import { LoginAttempts } from './login-attempts.service';
import { PasswordService } from './password.service';
import { assertPasswordAccepted } from './password-rules';
import { RefreshRotation } from './refresh-rotation.service';
import { endSessions, SessionEnd } from './session-end';
import { TokenService } from './token.service';

/** Login, refresh with rotation and reuse detection, logout and password change. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly attempts: LoginAttempts,
    private readonly rotation: RefreshRotation,
    private readonly actors: ActorCache,
  ) {}

  async login(username: string, password: string, userAgent: string | undefined): Promise<TokenResponse> {
    const locked = await this.attempts.lockedFor(username);
    if (locked) {
      throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'too_many_attempts', {
        key: 'too_many_attempts',
        params: { minutes: Math.ceil(locked / 60) },
      });
    }
    // Usernames are unique ignoring case (uq_users_username_lower): "Admin" logs in as "admin".
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      await this.attempts.recordFailure(username);
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_credentials');
    }
    await this.attempts.clear(username);
    const refresh = this.tokens.newRefreshToken();
    const session = await this.dataSource.getRepository(SessionEntity).save({
      userId: user.id,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      userAgent: userAgent?.slice(0, 300) ?? null,
      revokedAt: null,
    });
    return this.respond(user.id, session.id, refresh.token);
  }

  /**
   * Exchanges a refresh token for a new access token and a new refresh token (the old one is
   * retired). A retired token presented again revokes the whole session: 401, audit entry.
   * See RefreshRotation for the grace window of two tabs refreshing at once.
   */
  async refresh(token: unknown): Promise<TokenResponse> {
    const outcome = typeof token === 'string' && token ? await this.rotation.rotate(token) : { kind: 'ended' as const };
    switch (outcome.kind) {
      case 'rotated':
        return this.respond(outcome.userId, outcome.sessionId, outcome.refreshToken);
      case 'grace':
        return this.respond(outcome.userId, outcome.sessionId, undefined);
      case 'reused':
        this.actors.forget(outcome.userId);
        throw new ApiError(HttpStatus.UNAUTHORIZED, 'session_revoked', 'refresh_token_reused');
      default:
        throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'session_ended');
    }
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource
      .getRepository(SessionEntity)
      .update(
        { id: actor.sessionId, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: SessionEnd.Logout },
      );
    // This process's next request of the session must not find it cached (others are notified).
    this.actors.forget(actor.id);
  }

  /** Ends the refresh token's session (logout from a browser holding only the cookie). */
  async logoutByRefreshToken(token: string): Promise<void> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: new Date(), revokedReason: SessionEnd.Logout })
      .where({ tokenHash: TokenService.hash(token), revokedAt: IsNull() })
      .returning('user_id')
      .execute();
    for (const row of result.raw as { user_id: string }[]) this.actors.forget(row.user_id);
  }

  /** The owner changes the password: the policy applies, other sessions end, the audit trail notes when. */
  async changePassword(actor: Actor, currentPassword: unknown, newPassword: unknown): Promise<void> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.id })
      .getOneOrFail();
    assertPasswordAccepted(newPassword, user.username, 'newPassword');
    if (typeof currentPassword !== 'string' || !(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw ApiError.badRequest('current_password_wrong', [problem('currentPassword', 'doesNotMatch')]);
    }
    const hash = await this.passwords.hash(newPassword as string);
    await this.dataSource.transaction(async (manager) => {
      const changedAt = new Date();
      await manager.update(UserEntity, { id: actor.id }, { passwordHash: hash, passwordChangedAt: changedAt });
      // Every other login of this user ends; this one goes on.
      await endSessions(manager, { userId: actor.id, id: Not(actor.sessionId) }, SessionEnd.PasswordChanged);
      await recordAudit(manager, {
        actor,
        action: AuditAction.Update,
        entity: Resource.User,
        entityId: actor.id,
        projectId: null,
        before: { passwordChangedAt: user.passwordChangedAt },
        after: { passwordChangedAt: changedAt },
      });
    });
    this.actors.forget(actor.id);
  }

  private async respond(userId: string, sessionId: string, refreshToken: string | undefined): Promise<TokenResponse> {
    const [user] = await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.language, u.department_id,
              ARRAY(SELECT crew_id FROM user_crews WHERE user_id = u.id) AS crew_ids,
              ARRAY(SELECT project_id FROM user_projects WHERE user_id = u.id) AS project_ids
         FROM users u WHERE u.id = $1`,
      [userId],
    );
    return {
      accessToken: await this.tokens.signAccess({ sub: userId, sid: sessionId }),
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      ...(refreshToken ? { refreshToken } : {}),
      user: {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        role: user.role,
        language: user.language,
        departmentId: user.department_id,
        crewIds: user.crew_ids,
        projectIds: user.project_ids,
      },
    };
  }
}
