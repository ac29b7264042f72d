import { Injectable } from '@nestjs/common';
import { NoticeChange, NoticeContent } from '@worksite/notices-domain';
import { AppConfig } from '@worksite/server-config';
import { NoticeReason } from '@worksite/shared-domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from './sql';

/** What a link's token refers to, for the confirmation page. */
export interface AckTokenInfo {
  state: 'valid' | 'used' | 'expired';
  noticeId: string;
  crewName: string;
  language: string;
  noticeDate: string;
  revision: number;
  latestRevision: number;
  taskCount: number;
  acknowledgedAt: Date | null;
  /** The notice as it was sent, for the confirmation page's list of the day's tasks. */
  reason: NoticeReason;
  content: NoticeContent;
  changes: NoticeChange[];
}

export type AckResult =
  | { outcome: 'confirmed' | 'already'; info: AckTokenInfo }
  | { outcome: 'unknown' | 'expired'; info?: AckTokenInfo };

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Acknowledgement links. A token is 256 random bits (base64url), bound to one notice, its
 * crew and the delivery that carried it, with an expiry; only its SHA-256 is stored. Opening
 * the link only reads (inspect); confirming is a separate POST and happens once. A token
 * never grants a session.
 */
@Injectable()
export class AckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * A new token for one delivery attempt: the raw token (for the link), the hash to store and
   * its expiry. The ledger stores it in the statement that claims the attempt.
   */
  newToken(now: Date): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hash(token), expiresAt: new Date(now.getTime() + this.config.ACK_LINK_TTL_HOURS * 3600_000) };
  }

  /** The link of a token. */
  link(token: string): string {
    return `${this.config.PUBLIC_URL}/api/ack/${token}`;
  }

  /** What a token refers to, without changing anything; undefined for a token we never issued. */
  async inspect(
    token: string,
    now = new Date(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AckTokenInfo | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const [row] = await queryRows<{
      notice_id: string;
      expires_at: Date;
      used_at: Date | null;
      crew_name: string;
      language: string;
      notice_date: string;
      revision: number;
      latest_revision: number;
      task_count: number;
      acknowledged_at: Date | null;
      reason: NoticeReason;
      content: NoticeContent;
      changes: NoticeChange[];
    }>(
      manager,
      `SELECT t.notice_id, t.expires_at, t.used_at, c.name AS crew_name, c.language,
              to_char(n.notice_date, 'YYYY-MM-DD') AS notice_date, n.revision, n.task_count, n.acknowledged_at,
              n.reason, n.content, n.changes,
              (SELECT max(revision) FROM notices l WHERE l.crew_id = n.crew_id AND l.notice_date = n.notice_date) AS latest_revision
         FROM notice_ack_tokens t JOIN notices n ON n.id = t.notice_id JOIN crews c ON c.id = t.crew_id
        WHERE t.token_hash = $1 AND n.crew_id = t.crew_id`,
      [hash(token)],
    );
    if (!row) return undefined;
    return {
      state: row.used_at ? 'used' : row.expires_at.getTime() <= now.getTime() ? 'expired' : 'valid',
      noticeId: row.notice_id,
      crewName: row.crew_name,
      language: row.language,
      noticeDate: row.notice_date,
      revision: row.revision,
      latestRevision: Number(row.latest_revision),
      taskCount: row.task_count,
      acknowledgedAt: row.acknowledged_at,
      reason: row.reason,
      content: row.content,
      changes: row.changes,
    };
  }

  /**
   * Confirms with a link: marks the token used, the delivery and the notice acknowledged.
   * A used token answers "already" and changes nothing; an expired or unknown one changes nothing.
   */
  async confirm(token: string, now = new Date()): Promise<AckResult> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { outcome: 'unknown' };
    return this.dataSource.transaction(async (manager) => {
      const [locked] = await queryRows<{ notice_id: string }>(
        manager,
        'SELECT notice_id FROM notice_ack_tokens WHERE token_hash = $1 FOR UPDATE',
        [hash(token)],
      );
      if (!locked) return { outcome: 'unknown' as const };
      const info = (await this.inspect(token, now, manager)) as AckTokenInfo;
      if (info.state === 'expired') return { outcome: 'expired' as const, info };
      if (info.state === 'used') return { outcome: 'already' as const, info };
      const [used] = await queryRows<{ delivery_id: string | null }>(
        manager,
        'UPDATE notice_ack_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL RETURNING delivery_id',
        [hash(token), now],
      );
      if (used?.delivery_id) {
        await manager.query('UPDATE deliveries SET acknowledged_at = $2 WHERE id = $1 AND acknowledged_at IS NULL', [
          used.delivery_id,
          now,
        ]);
      }
      await manager.query(
        `UPDATE notices SET acknowledged_at = $2, acknowledged_via = 'link' WHERE id = $1 AND acknowledged_at IS NULL`,
        [info.noticeId, now],
      );
      return { outcome: 'confirmed' as const, info: { ...info, acknowledgedAt: info.acknowledgedAt ?? now } };
    });
  }

  /**
   * The crew lead acknowledges while signed in; a second time changes nothing. `at` is when the
   * lead tapped (a phone's outbox may send it hours later), stored no earlier than the notice
   * itself (a phone whose clock runs behind).
   */
  async acknowledgeBySession(noticeId: string, userId: string, at = new Date()): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE notices SET acknowledged_at = GREATEST($2::timestamptz, created_at), acknowledged_via = 'session',
              acknowledged_by = $3
        WHERE id = $1 AND acknowledged_at IS NULL RETURNING id`,
      [noticeId, at, userId],
    );
    return rows.length === 1;
  }
}
