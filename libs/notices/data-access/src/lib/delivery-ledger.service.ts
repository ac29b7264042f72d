import { Injectable } from '@nestjs/common';
import { AppConfig } from '@worksite/server-config';
import { DeliveryPurpose, DeliveryStatus } from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { AckService } from './ack.service';
import { ClaimedDelivery, DeliveryRow, NOTICE_COLUMNS, StoredNotice } from './delivery-rows';
import { RunCounters } from './run-counters';
import { queryRows } from './sql';

interface Transitioned {
  previous: DeliveryStatus;
  status: DeliveryStatus;
  purpose: DeliveryPurpose;
  next_attempt_at: Date | null;
}

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
 * notice's deliveries locks the notice row first, so its completion is decided exactly once,
 * and updates the run's counters in the same transaction.
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
   * Claims a planned, due delivery for one attempt and issues the attempt's acknowledgement
   * token, in one committed transaction. Undefined when it is not claimable (another worker
   * has it, it ended, or it is not due yet).
   */
  async claim(deliveryId: string, now: Date): Promise<ClaimedDelivery | undefined> {
    // Three statements, no transaction: the claim must be committed before the provider is
    // called, and a crash before the token exists leaves a "sending" row, i.e. unknown.
    const manager = this.dataSource.manager;
    const [row] = await queryRows<DeliveryRow>(
      manager,
      `UPDATE deliveries SET status = 'sending', attempts = attempts + 1, claimed_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'planned' AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
        RETURNING *`,
      [deliveryId, now],
    );
    if (!row) return undefined;
    try {
      const [notice] = await queryRows<StoredNotice & { secret: string | null }>(
        manager,
        `SELECT ${NOTICE_COLUMNS}, ch.secret FROM notices n LEFT JOIN crew_channels ch ON ch.id = $2 WHERE n.id = $1`,
        [row.notice_id, row.channel_id],
      );
      const { secret, ...stored } = notice;
      const ackToken = await this.acks.issue(manager, stored, row.id, now);
      return { delivery: row, notice: stored, secret, ackToken };
    } catch (error) {
      // Nothing was sent: give the claim back rather than leave it for the watchdog to call unknown.
      await this.release(row);
      throw error;
    }
  }

  /**
   * Returns a claim whose provider was never called (planned again, the attempt not counted),
   * retrying while the database is unreachable; if it stays unreachable the watchdog will
   * mark the delivery unknown, which is safe.
   */
  async release(row: DeliveryRow): Promise<void> {
    for (let tries = 0; tries < 10; tries++) {
      try {
        await this.dataSource.query(
          `UPDATE deliveries SET status = 'planned', attempts = attempts - 1, claimed_at = NULL, updated_at = now()
            WHERE id = $1 AND status = 'sending' AND attempts = $2`,
          [row.id, row.attempts],
        );
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /**
   * Records how an attempt ended. A success is recorded even after the watchdog marked the
   * attempt unknown (we learnt the answer late, e.g. while PostgreSQL restarted).
   */
  async record(claim: ClaimedDelivery, outcome: AttemptOutcome): Promise<Recorded | undefined> {
    const { delivery } = claim;
    return this.dataSource.transaction(async (manager) => {
      const notice = await this.counters.lockNotice(manager, delivery.notice_id);
      let rows: Transitioned[];
      if (outcome.kind === 'sent') {
        rows = await this.transition(manager, delivery, ['sending', 'unknown'], {
          status: 'sent',
          sent_at: 'now()',
          provider_response: outcome.response,
          last_error: null,
        });
      } else if (outcome.kind === 'unknown') {
        rows = await this.transition(manager, delivery, ['sending'], { status: 'unknown', last_error: outcome.error });
      } else {
        const retry = outcome.retriable && delivery.attempts < this.config.NOTICE_MAX_ATTEMPTS;
        const backoff = this.config.NOTICE_RETRY_BASE_SECONDS * 1000 * 2 ** (delivery.attempts - 1);
        rows = await this.transition(manager, delivery, ['sending'], {
          status: retry ? 'planned' : 'failed',
          next_attempt_at: retry ? new Date(Date.now() + backoff) : null,
          last_error: outcome.error,
          provider_response: outcome.response ?? null,
        });
      }
      const [changed] = rows;
      if (!changed) return undefined;
      await this.counters.afterTransition(manager, notice, changed.purpose, changed.previous, changed.status);
      return { status: changed.status, nextAttemptAt: changed.next_attempt_at };
    });
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
        await this.counters.afterTransition(
          manager,
          notice,
          changed.purpose,
          DeliveryStatus.Sending,
          DeliveryStatus.Unknown,
        );
      });
    }
    return marked;
  }

  private async transition(
    manager: EntityManager,
    delivery: DeliveryRow,
    from: string[],
    values: Record<string, unknown>,
  ): Promise<Transitioned[]> {
    const sets: string[] = [];
    const params: unknown[] = [delivery.id, from, delivery.attempts];
    for (const [column, value] of Object.entries(values)) {
      if (value === 'now()') sets.push(`${column} = now()`);
      else {
        params.push(column === 'provider_response' && value !== null ? JSON.stringify(value) : value);
        sets.push(`${column} = $${params.length}`);
      }
    }
    return queryRows(
      manager,
      `WITH previous AS (SELECT id, status FROM deliveries WHERE id = $1 FOR UPDATE)
       UPDATE deliveries d SET ${sets.join(', ')}, updated_at = now()
         FROM previous
        WHERE d.id = previous.id AND previous.status::text = ANY($2::text[]) AND d.attempts = $3
        RETURNING previous.status AS previous, d.status, d.purpose, d.next_attempt_at`,
      params,
    );
  }
}
