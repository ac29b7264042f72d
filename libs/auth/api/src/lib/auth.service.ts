import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, problem } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { AppConfig } from '@worksite/server-config';
import { SessionEntity, UserEntity } from '@worksite/server-data-access';
import { DataSource, IsNull, Not } from 'typeorm';
import { TokenResponse } from './auth.dto';
import { LoginAttempts } from './login-attempts.service';
import { PasswordService } from './password.service';
import { TokenService } from './token.service';

/** Login, refresh with rotation, logout and password change. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly attempts: LoginAttempts,
  ) {}

  async login(username: string, password: string, userAgent: string | undefined): Promise<TokenResponse> {
    const locked = await this.attempts.lockedFor(username);
    if (locked) {
      throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'too_many_attempts', {
        key: 'too_many_attempts',
        params: { minutes: Math.ceil(locked / 60) },
      });
    }
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

  /** Exchanges a refresh token for a new access token and a new refresh token (the old one dies). */
  async refresh(token: string | undefined): Promise<TokenResponse> {
    const ended = () => new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'session_ended');
    if (!token) throw ended();
    const next = this.tokens.newRefreshToken();
    // The conditional update rotates atomically: of two concurrent refreshes only one wins.
    const result: unknown[] = await this.dataSource.query(
      `UPDATE sessions s SET token_hash = $2
         FROM users u
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id AND u.active
        RETURNING s.id, s.user_id`,
      [TokenService.hash(token), next.hash],
    );
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const row = (result[0] as { id: string; user_id: string }[])[0];
    if (!row) throw ended();
    return this.respond(row.user_id, row.id, next.token);
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).update({ id: actor.sessionId }, { revokedAt: new Date() });
  }

  /** Ends the refresh token's session (logout from a browser holding only the cookie). */
  async logoutByRefreshToken(token: string): Promise<void> {
    await this.dataSource
      .getRepository(SessionEntity)
      .update({ tokenHash: TokenService.hash(token), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.id })
      .getOneOrFail();
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw ApiError.badRequest('current_password_wrong', [problem('currentPassword', 'doesNotMatch')]);
    }
    const hash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: actor.id }, { passwordHash: hash });
      // Every other login of this user ends; this one goes on.
      await manager.update(
        SessionEntity,
        { userId: actor.id, id: Not(actor.sessionId), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    });
  }

  private async respond(userId: string, sessionId: string, refreshToken: string): Promise<TokenResponse> {
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
      refreshToken,
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
