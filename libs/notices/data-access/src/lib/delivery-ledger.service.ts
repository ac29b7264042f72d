import { Injectable } from '@nestjs/common';
import { AttemptOutcome } from '@worksite/notices-domain';
import { AppConfig } from '@worksite/server-config';
import { DeliveryPurpose, DeliveryStatus } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { AckService } from './ack.service';
import { AttemptLedger, Recorded } from './attempt-ledger';
import { ClaimedDelivery, DeliveryRow, NOTICE_COLUMNS, StoredNotice } from './delivery-rows';
import { Batcher } from './batcher';
import { acceptedManyStatement, claimManyText, DELIVERIES_LEDGER, NOTICE_COMPLETION_SQL } from './ledger-sql';
import { RunCounters } from './run-counters';
import { queryPrepared } from './sql';

export type { AttemptOutcome } from '@worksite/notices-domain';
export type { Recorded } from './attempt-ledger';

interface ClaimRequest {
  deliveryId: string;
  now: Date;
  hash: string;
  expiresAt: Date;
}
type ClaimedRow = DeliveryRow & { notice: StoredNotice; secret: string | null };

const ACCEPTED_MANY_SQL = acceptedManyStatement();

/**
 * Claims many deliveries (claimManyText) and stores each claim's acknowledgement token; each
 * claimed row comes back with its notice, its channel's secret and its token's hash.
 */
const CLAIM_DELIVERIES_SQL = `WITH c AS (${claimManyText(DELIVERIES_LEDGER, 'deliveries.*, v.token_hash, v.token_expires')}),
  t AS (
    INSERT INTO notice_ack_tokens (token_hash, notice_id, crew_id, delivery_id, expires_at)
    SELECT c.token_hash, c.notice_id, n.crew_id, c.id, c.token_expires FROM c JOIN notices n ON n.id = c.notice_id
  )
  SELECT c.*, (SELECT row_to_json(x) FROM (SELECT ${NOTICE_COLUMNS}) x) AS notice, ch.secret
    FROM c JOIN notices n ON n.id = c.notice_id LEFT JOIN crew_channels ch ON ch.id = c.channel_id`;

/**
 * The crews' deliveries in PostgreSQL, moved by the delivery state machine of
 * @worksite/notices-domain (see AttemptLedger): planned → sending (committed, attempts + 1,
 * before the provider is called) → sent | planned again with a later next_attempt_at (known
 * not delivered) | failed (attempts used up) | unknown (cannot know). The statement that
 * closes a notice's last open delivery completes the notice; the run's counters are
 * recounted from the deliveries (RunCounters).
 */
@Injectable()
export class DeliveryLedger {
  private readonly ledger: AttemptLedger;
  /**
   * Claims asked for at about the same time (a crew's channels, the crews alongside) go in one
   * statement: each row is still claimed on its own conditions, and each claim is committed
   * before its provider is called.
   */
  private readonly claims: Batcher<ClaimRequest, ClaimedRow>;
  private readonly accepted: Batcher<{ id: string; attempts: number; response: unknown }, Recorded>;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly acks: AckService,
    private readonly counters: RunCounters,
  ) {
    this.ledger = new AttemptLedger(dataSource, DELIVERIES_LEDGER, () => ({
      maxAttempts: config.NOTICE_MAX_ATTEMPTS,
      baseDelayMs: config.NOTICE_RETRY_BASE_SECONDS * 1000,
    }));
    this.claims = new Batcher(async (requests) => {
      const rows = await queryPrepared<ClaimedRow & { token_hash: string; token_expires: Date }>(
        dataSource,
        CLAIM_DELIVERIES_SQL,
        [
          requests.map((r) => r.deliveryId),
          requests.map((r) => r.now),
          requests.map((r) => r.hash),
          requests.map((r) => r.expiresAt),
        ],
      );
      const byHash = new Map(
        rows.map(({ token_hash, token_expires: _expires, ...row }) => [token_hash, row as ClaimedRow]),
      );
      return new Map(requests.flatMap((r) => (byHash.has(r.hash) ? [[r, byHash.get(r.hash) as ClaimedRow]] : [])));
    });
    this.accepted = new Batcher(async (sent) => {
      const rows = await queryPrepared<{
        id: string;
        status: DeliveryStatus;
        next_attempt_at: Date | null;
        run_id: string | null;
        notice_id: string;
        recheck: boolean;
      }>(dataSource, ACCEPTED_MANY_SQL, [
        sent.map((s) => s.id),
        sent.map((s) => (s.response == null ? null : JSON.stringify(s.response))),
        sent.map((s) => s.attempts),
      ]);
      // Another delivery of a notice was open in the statement's snapshot: look again now that
      // this one is committed (as for one delivery).
      for (const noticeId of new Set(rows.filter((row) => row.recheck).map((row) => row.notice_id))) {
        await dataSource.query(NOTICE_COMPLETION_SQL, [noticeId]);
      }
      const byId = new Map(
        rows.map((row) => [row.id, { status: row.status, nextAttemptAt: row.next_attempt_at, runId: row.run_id }]),
      );
      return new Map(sent.flatMap((s) => (byId.has(s.id) ? [[s, byId.get(s.id) as Recorded]] : [])));
    });
  }

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
  defer(deliveryId: string, until: Date): Promise<void> {
    return this.ledger.defer(deliveryId, until);
  }

  /**
   * Claims a planned, due delivery for one attempt and stores the attempt's acknowledgement
   * token, in one statement (committed before the provider is called; a crash after it leaves
   * a "sending" row, i.e. unknown). Undefined when it is not claimable (another worker has it,
   * it ended, or it is not due yet).
   */
  async claim(deliveryId: string, now: Date): Promise<ClaimedDelivery | undefined> {
    const token = this.acks.newToken(now);
    const row = await this.claims.load({ deliveryId, now, hash: token.hash, expiresAt: token.expiresAt });
    if (!row) return undefined;
    const { notice, secret, ...delivery } = row;
    return { delivery, notice, secret, ackToken: token.token };
  }

  /**
   * Records how an attempt ended. A success is recorded even after the watchdog marked the
   * attempt unknown (we learnt the answer late, e.g. while PostgreSQL restarted).
   */
  async record(claim: ClaimedDelivery, outcome: AttemptOutcome): Promise<Recorded | undefined> {
    // Messages accepted at about the same time are recorded together (acceptedManyStatement).
    const recorded =
      outcome.kind === 'sent'
        ? await this.accepted.load({
            id: claim.delivery.id,
            attempts: claim.delivery.attempts,
            response: outcome.response,
          })
        : await this.ledger.record(claim.delivery, outcome);
    if (recorded) this.counters.touch(recorded.runId ?? null);
    return recorded;
  }

  /** Planned, due deliveries nobody touched for a while: their job may have been lost with Redis. */
  owed(now: Date, untouchedSince: Date, limit = 1000): Promise<string[]> {
    return this.ledger.owed(now, untouchedSince, limit);
  }

  /** Deliveries still "sending" long after their claim were interrupted: emails planned again, others unknown. */
  async sweepInterrupted(olderThan: Date): Promise<number> {
    const marked = await this.ledger.sweepInterrupted(olderThan);
    for (const recorded of marked) this.counters.touch(recorded.runId ?? null);
    return marked.length;
  }
}
