import { Injectable } from '@nestjs/common';
import { AttemptOutcome } from '@worksite/notices-domain';
import { AppConfig } from '@worksite/server-config';
import { DeliveryPurpose, DeliveryStatus } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { AckService } from './ack.service';
import { AttemptLedger, Recorded } from './attempt-ledger';
import { ClaimedDelivery, DeliveryRow, NOTICE_COLUMNS, StoredNotice } from './delivery-rows';
import { Batcher } from './batcher';
import { CarriedRecord } from './carried-record';
import {
  acceptedManyCtes,
  acceptedManyStatement,
  claimManyText,
  DELIVERIES_LEDGER,
  NOTICE_COMPLETION_SQL,
} from './ledger-sql';
import { RunCounters } from './run-counters';
import { queryPrepared } from './sql';

export type { AttemptOutcome } from '@worksite/notices-domain';
export type { Recorded } from './attempt-ledger';

interface ClaimRequest {
  deliveryId: string;
  now: Date;
  hash: string;
  expiresAt: Date;
  /** The accepted message this claim's slot held before (recorded in the same statement). */
  carried?: CarriedRecord;
}
type ClaimedRow = DeliveryRow & { notice: StoredNotice; secret: string | null };
/** A row of `recorded` (acceptedManyCtes) as JSON. */
interface RecordedJson {
  id: string;
  status: DeliveryStatus;
  next_attempt_at: string | null;
  run_id: string | null;
  notice_id: string;
  recheck: boolean;
}

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
 * CLAIM_DELIVERIES_SQL ($1–$4) and the acceptance of the messages the claims' slots held before
 * ($5 ids, $6 responses, $7 attempts: acceptedManyCtes) in one statement, so one commit both
 * closes those and claims these. Always one row at least: `recorded` (JSON, every row the same)
 * with the claimed rows, or alone (claim columns null) when nothing could be claimed.
 */
const CLAIM_CARRYING_SQL = `WITH ${acceptedManyCtes(5)},
  c AS (${claimManyText(DELIVERIES_LEDGER, 'deliveries.*, v.token_hash, v.token_expires')}),
  t AS (
    INSERT INTO notice_ack_tokens (token_hash, notice_id, crew_id, delivery_id, expires_at)
    SELECT c.token_hash, c.notice_id, n.crew_id, c.id, c.token_expires FROM c JOIN notices n ON n.id = c.notice_id
  )
  SELECT claimed.*, r.recorded
    FROM (SELECT coalesce(json_agg(recorded), '[]'::json) AS recorded FROM recorded) r
    LEFT JOIN (SELECT c.*, (SELECT row_to_json(x) FROM (SELECT ${NOTICE_COLUMNS}) x) AS notice, ch.secret
                 FROM c JOIN notices n ON n.id = c.notice_id LEFT JOIN crew_channels ch ON ch.id = c.channel_id) claimed
      ON true`;

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
      const carried = requests.flatMap((r) => (r.carried ? [r.carried] : []));
      const params = [
        requests.map((r) => r.deliveryId),
        requests.map((r) => r.now),
        requests.map((r) => r.hash),
        requests.map((r) => r.expiresAt),
      ];
      let rows: (ClaimedRow & { token_hash: string | null; token_expires: Date; recorded?: RecordedJson[] })[];
      try {
        rows = carried.length
          ? await queryPrepared(dataSource, CLAIM_CARRYING_SQL, [
              ...params,
              carried.map((c) => c.id),
              carried.map((c) => (c.response == null ? null : JSON.stringify(c.response))),
              carried.map((c) => c.attempts),
            ])
          : await queryPrepared(dataSource, CLAIM_DELIVERIES_SQL, params);
      } catch (error) {
        for (const record of carried) record.abandon(error);
        throw error;
      }
      if (carried.length) await this.settleCarried(carried, rows[0]?.recorded ?? []);
      const byHash = new Map(
        rows.flatMap(({ token_hash, token_expires: _expires, recorded: _recorded, ...row }) =>
          token_hash ? [[token_hash, row as ClaimedRow]] : [],
        ),
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
  async claim(deliveryId: string, now: Date, carried?: CarriedRecord): Promise<ClaimedDelivery | undefined> {
    const token = this.acks.newToken(now);
    const row = await this.claims.load({ deliveryId, now, hash: token.hash, expiresAt: token.expiresAt, carried });
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

  /**
   * What the claim that carried this accepted message recorded (see CarriedRecord); rejects
   * when no statement recorded it, and then its owner records it with `record`.
   */
  async recordCarried(carried: CarriedRecord): Promise<Recorded | undefined> {
    const recorded = await carried.recorded;
    if (recorded) this.counters.touch(recorded.runId ?? null);
    return recorded;
  }

  /** Settles the carried records with what the claims' statement (already committed) recorded. */
  private async settleCarried(carried: CarriedRecord[], rows: RecordedJson[]): Promise<void> {
    // A notice whose other delivery closed at the same time is looked at again, as after `accepted`;
    // the claims are committed, so a failure here must not fail them (the notice stays open).
    for (const noticeId of new Set(rows.filter((row) => row.recheck).map((row) => row.notice_id))) {
      await this.dataSource.query(NOTICE_COMPLETION_SQL, [noticeId]).catch(() => undefined);
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const record of carried) {
      const row = byId.get(record.id);
      record.resolve(
        row && {
          status: row.status,
          nextAttemptAt: row.next_attempt_at ? new Date(row.next_attempt_at) : null,
          runId: row.run_id,
        },
      );
    }
  }

  /** Planned, due deliveries nobody touched for a while: their job may have been lost with Redis. */
  owed(now: Date, untouchedSince: Date, limit = 1000): Promise<string[]> {
    return this.ledger.owed(now, untouchedSince, limit);
  }

  /** Deliveries still "sending" long after their claim were interrupted: unknown, on every channel. */
  async sweepInterrupted(olderThan: Date): Promise<number> {
    const marked = await this.ledger.sweepInterrupted(olderThan);
    for (const recorded of marked) this.counters.touch(recorded.runId ?? null);
    return marked.length;
  }
}
