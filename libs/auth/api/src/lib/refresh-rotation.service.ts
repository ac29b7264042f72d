import { Injectable } from '@nestjs/common';
import { recordAudit } from '@worksite/api-core';
import { AuditAction, Role } from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { SessionEnd } from './session-end';
import { TokenService } from './token.service';

/**
 * Two tabs of one browser share the refresh cookie; when both refresh at once (a browser
 * restoring its tabs, two tabs waking up), the second presents the token the first has just
 * retired. For this many seconds after a rotation, the token it retired (only the latest one)
 * still gets an access token, but no new refresh token: the cookie set by the first answer
 * stays the current one. Any other retired token, or that one later, revokes the session.
 */
export const REFRESH_REUSE_GRACE_SECONDS = 10;

/** What presenting a refresh token led to. */
export type RotationOutcome =
  | { kind: 'rotated'; userId: string; sessionId: string; refreshToken: string }
  | { kind: 'grace'; userId: string; sessionId: string }
  | { kind: 'reused'; userId: string; sessionId: string }
  | { kind: 'ended' };

interface RetiredRow {
  session_id: string;
  user_id: string;
  display_name: string;
  role: Role;
  revoked: boolean;
  live: boolean;
  within_grace: boolean;
}

/**
 * Refresh-token rotation with reuse detection. A session is one login, the family of every
 * refresh token issued for it: the current token's hash is on the session, each rotated one
 * is kept in retired_refresh_tokens. A retired token presented again means it was copied
 * (stolen, or replayed): the session, and with it every token descended from that login, is
 * revoked and the audit trail records it.
 */
@Injectable()
export class RefreshRotation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async rotate(token: string): Promise<RotationOutcome> {
    const hash = TokenService.hash(token);
    const next = this.tokens.newRefreshToken();
    return this.dataSource.transaction(async (manager) => {
      // Conditional on the current hash: of two concurrent refreshes with one token, one wins;
      // the other waits for its row lock, then finds the token retired.
      // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
      const [rows] = (await manager.query(
        `UPDATE sessions s SET token_hash = $2
           FROM users u
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id AND u.active
          RETURNING s.id, s.user_id`,
        [hash, next.hash],
      )) as [{ id: string; user_id: string }[], number];
      const rotated = rows[0];
      if (rotated) {
        await manager.query('INSERT INTO retired_refresh_tokens (token_hash, session_id) VALUES ($1, $2)', [
          hash,
          rotated.id,
        ]);
        return { kind: 'rotated', userId: rotated.user_id, sessionId: rotated.id, refreshToken: next.token };
      }
      return this.presentedAgain(manager, hash);
    });
  }

  /** A token that is not the current one of a live session: unknown, of an ended session, or retired. */
  private async presentedAgain(manager: EntityManager, hash: string): Promise<RotationOutcome> {
    const [retired] = (await manager.query(
      `SELECT r.session_id, s.user_id, u.display_name, u.role,
              s.revoked_at IS NOT NULL AS revoked,
              s.expires_at > now() AND u.active AS live,
              r.retired_at > now() - make_interval(secs => $2)
                AND r.retired_at = (SELECT max(x.retired_at) FROM retired_refresh_tokens x WHERE x.session_id = r.session_id)
                AS within_grace
         FROM retired_refresh_tokens r
         JOIN sessions s ON s.id = r.session_id
         JOIN users u ON u.id = s.user_id
        WHERE r.token_hash = $1
          FOR UPDATE OF s`,
      [hash, REFRESH_REUSE_GRACE_SECONDS],
    )) as RetiredRow[];
    if (!retired || retired.revoked || !retired.live) return { kind: 'ended' };
    const session = { userId: retired.user_id, sessionId: retired.session_id };
    if (retired.within_grace) return { kind: 'grace', ...session };
    const revokedAt = new Date();
    await manager.query('UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1', [
      retired.session_id,
      revokedAt,
      SessionEnd.RefreshTokenReuse,
    ]);
    // Recorded as the account's own doing: someone holding its token presented a retired one.
    await recordAudit(manager, {
      actor: {
        id: retired.user_id,
        name: retired.display_name,
        role: retired.role,
        sessionId: retired.session_id,
        departmentId: null,
        crewIds: [],
        projectIds: [],
      },
      action: AuditAction.Update,
      entity: 'session',
      entityId: retired.session_id,
      projectId: null,
      before: { revokedAt: null, revokedReason: null },
      after: { revokedAt, revokedReason: SessionEnd.RefreshTokenReuse },
    });
    return { kind: 'reused', ...session };
  }
}
