import { SessionEntity } from '@worksite/server-data-access';
import { EntityManager, FindOperator, IsNull } from 'typeorm';

/** Why a session ended (sessions.revoked_reason). */
export enum SessionEnd {
  Logout = 'logout',
  PasswordChanged = 'password_changed',
  AccountChanged = 'account_changed',
  RefreshTokenReuse = 'refresh_token_reuse',
}

/** Ends the user's live sessions matching `where` (all of them by default), saying why. */
export async function endSessions(
  manager: EntityManager,
  where: { userId: string; id?: string | FindOperator<string> },
  reason: SessionEnd,
): Promise<void> {
  await manager.update(
    SessionEntity,
    { ...where, revokedAt: IsNull() },
    { revokedAt: new Date(), revokedReason: reason },
  );
}
