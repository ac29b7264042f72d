import { Injectable } from '@nestjs/common';
import { AppConfig } from '@worksite/server-config';
import { DeliveryPurpose, DeliveryStatus } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { AckService } from './ack.service';
import { ClaimedDelivery, DeliveryRow, NOTICE_COLUMNS, StoredNotice } from './delivery-rows';
import { RunCounters } from './run-counters';
import { queryRows } from './sql';

/** What the ledger recorded: the new status, and when a planned retry may run. */
export interface Recorded {
  status: DeliveryStatus;
  nextAttemptAt: Date | null;
}

/** The outcome of a finished attempt, for the ledger. */
export type AttemptOutcome =
  | { kind: 'sent'; response: unknown }
  | { kind: 'not-delivered'; error: string; response?: unknown; retriable: boolean }
  | { kind: 'unknown'; error: string };

/**
 * The delivery state machine, in PostgreSQL. planned → sending (committed, attempts + 1,
 * before the provider is called) → sent | planned again with a later next_attempt_at (known
 * not delivered) | failed (attempts used up) | unknown (cannot know). Every change of a
 * notice's deliveries locks the notice row first, so its completion is decided exactly once;
 * the run's counters are recounted from the deliveries (RunCounters).
 */
@Injectable()
export class DeliveryLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly acks: AckService,
    private readonly counters: RunCounters,
  ) {}

  async peek(deliveryId: string): Promise<DeliveryRow | undefined> {
    const [row] = await this.dataSource.query('SELECT * FROM deliveries WHERE id = $1', [deliveryId]);
    return row;
  }

  /** The planned deliveries of a notice (for the crew job). */
  async ofNotice(noticeId: string, purpose = DeliveryPurpose.Notice): Promise<DeliveryRow[]> {
    return this.dataSource.query('SELECT * FROM deliveries WHERE notice_id = $1 AND purpose = $2 ORDER BY kind, id', [
      noticeId,
      purpose,
    ]);
  }

  /** A throttled delivery waits: no attempt is used, the time is recorded so nobody tries earlier. */
  async defer(deliveryId: string, until: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE deliveries SET next_attempt_at = $2, updated_at = now() WHERE id = $1 AND status = 'planned'`,
      [deliveryId, until],
    );
  }

  /**
   * Claims a planned, due delivery for one attempt and stores the attempt's acknowledgement
   * token, in one statement (committed before the provider is called; a crash after it leaves
   * a "sending" row, i.e. unknown). Undefined when it is not claimable (another worker has it,
   * it ended, or it is not due yet).
   */
  async claim(deliveryId: string, now: Date): Promise<ClaimedDelivery | undefined> {
    const token = this.acks.newToken(now);
    const [row] = await queryRows<DeliveryRow & { notice: StoredNotice; secret: string | null }>(
      this.dataSource.manager,
      `WITH c AS (
         UPDATE deliveries SET status = 'sending', attempts = attempts + 1, claimed_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'planned' AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
          RETURNING *
       ), t AS (
         INSERT INTO notice_ack_tokens (token_hash, notice_id, crew_id, delivery_id, expires_at)
         SELECT $3, c.notice_id, n.crew_id, c.id, $4 FROM c JOIN notices n ON n.id = c.notice_id
       )
       SELECT c.*, (SELECT row_to_json(x) FROM (SELECT ${NOTICE_COLUMNS}) x) AS notice, ch.secret
         FROM c JOIN notices n ON n.id = c.notice_id LEFT JOIN crew_channels ch ON ch.id = c.channel_id`,
      [deliveryId, now, token.hash, token.expiresAt],
    );
    if (!row) return undefined;
    const { notice, secret, ...delivery } = row;
    return { delivery, notice, secret, ackToken: token.token };
  }

  /**
   * Records how an attempt ended. A success is recorded even after the watchdog marked the
   * attempt unknown (we learnt the answer late, e.g. while PostgreSQL restarted).
   */
  async record(claim: ClaimedDelivery, outcome: AttemptOutcome): Promise<Recorded | undefined> {
    const { delivery } = claim;
    let change: {
      from: string[];
      status: DeliveryStatus;
      error: string | null;
      next?: Date | null;
      response?: unknown;
    };
    if (outcome.kind === 'sent') {
      change = { from: ['sending', 'unknown'], status: DeliveryStatus.Sent, error: null, response: outcome.response };
    } else if (outcome.kind === 'unknown') {
      change = { from: ['sending'], status: DeliveryStatus.Unknown, error: outcome.error };
    } else {
      const retry = outcome.retriable && delivery.attempts < this.config.NOTICE_MAX_ATTEMPTS;
      const backoff = this.config.NOTICE_RETRY_BASE_SECONDS * 1000 * 2 ** (delivery.attempts - 1);
      change = {
        from: ['sending'],
        status: retry ? DeliveryStatus.Planned : DeliveryStatus.Failed,
        error: outcome.error,
        next: retry ? new Date(Date.now() + backoff) : null,
        response: outcome.response ?? null,
      };
    }
    // One round trip: the function locks the notice, moves the delivery, completes the notice.
    const [changed] = await queryRows<{ status: DeliveryStatus; next_attempt_at: Date | null; run_id: string | null }>(
      this.dataSource.manager,
      'SELECT * FROM notices_record_attempt($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [
        delivery.id,
        delivery.attempts,
        change.from,
        change.status,
        change.error,
        'next' in change,
        change.next ?? null,
        'response' in change,
        change.response === undefined || change.response === null ? null : JSON.stringify(change.response),
      ],
    );
    if (!changed) return undefined;
    this.counters.touch(changed.run_id);
    return { status: changed.status, nextAttemptAt: changed.next_attempt_at };
  }

  /** Planned, due deliveries nobody touched for a while: their job may have been lost with Redis. */
  async owed(now: Date, untouchedSince: Date, limit = 1000): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM deliveries WHERE status = 'planned' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
          AND updated_at < $2 ORDER BY updated_at LIMIT $3`,
      [now, untouchedSince, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Deliveries still "sending" long after their claim were interrupted: unknown, counted, never resent. */
  async markStaleUnknown(olderThan: Date): Promise<number> {
    const stale = (await this.dataSource.query(
      `SELECT id, notice_id FROM deliveries WHERE status = 'sending' AND claimed_at < $1 ORDER BY claimed_at LIMIT 500`,
      [olderThan],
    )) as { id: string; notice_id: string }[];
    let marked = 0;
    for (const row of stale) {
      await this.dataSource.transaction(async (manager) => {
        const notice = await this.counters.lockNotice(manager, row.notice_id);
        const [changed] = await queryRows<{ purpose: DeliveryPurpose }>(
          manager,
          `UPDATE deliveries SET status = 'unknown', updated_at = now(),
                  last_error = 'interrupted after the provider was called; not sent again automatically'
            WHERE id = $1 AND status = 'sending' AND claimed_at < $2 RETURNING purpose`,
          [row.id, olderThan],
        );
        if (!changed) return;
        marked++;
        await this.counters.afterTransition(manager, notice, changed.purpose);
      });
    }
    return marked;
  }
}
