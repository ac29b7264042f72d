import { AttemptOutcome, DeliveryEvent, outcomeEvent, RetryPolicy, retryDelayMs } from '@worksite/notices-domain';
import { DeliveryStatus } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import {
  deliveryTransitionStatement,
  LedgerTable,
  NOTICE_COMPLETION_SQL,
  Statement,
  transitionStatement,
  TransitionValues,
} from './ledger-sql';
import { queryPrepared, queryRows } from './sql';

/** What the ledger recorded: the new status, and when a planned retry may run. */
export interface Recorded {
  status: DeliveryStatus;
  nextAttemptAt: Date | null;
  /** The run of the notice whose delivery this was (deliveries only). */
  runId?: string | null;
}

const INTERRUPTED = 'interrupted after the provider was called: whether it arrived is unknown';

/**
 * The steps of the delivery state machine on one ledger table (deliveries, or the
 * coordinators' escalation alerts): every change is a statement generated from the domain's
 * transition table, so both tables follow the same rules, retries and backoff.
 */
export class AttemptLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly table: LedgerTable,
    private readonly policy: () => RetryPolicy,
  ) {}

  /** The claim's UPDATE (planned and due → sending, attempt + 1), for a caller that wraps it. */
  claimStatement(id: string, now: Date, returning: string): Statement {
    return transitionStatement(this.table, 'claim', { id, now }, returning);
  }

  /** A throttled send waits until `until` without using an attempt. */
  async defer(id: string, until: Date): Promise<void> {
    await this.apply('defer', { id, nextAttemptAt: until });
  }

  /** Records how a claimed attempt ended; undefined when another outcome was recorded first. */
  async record(
    claim: { id: string; attempts: number; kind: string },
    outcome: AttemptOutcome,
    now = Date.now(),
  ): Promise<Recorded | undefined> {
    const event = outcomeEvent(outcome, claim, this.policy());
    const values: TransitionValues = { id: claim.id, attempts: claim.attempts };
    if (outcome.kind !== 'sent') values.error = outcome.error;
    if (outcome.kind !== 'unknown') values.response = outcome.response ?? null;
    if (event === 'retry') values.nextAttemptAt = new Date(now + retryDelayMs(claim.attempts, this.policy()));
    return this.apply(event, values);
  }

  /**
   * Attempts still "sending" long after their claim were interrupted (the worker died or lost
   * the database): their outcome is unknown, and recorded as such on every channel — counted,
   * never sent again automatically (a coordinator may resend).
   */
  async sweepInterrupted(olderThan: Date, limit = 500): Promise<Recorded[]> {
    const stale = await queryRows<{ id: string; attempts: number; kind: string }>(
      this.dataSource.manager,
      `SELECT id, attempts, kind FROM ${this.table.name} WHERE status = 'sending' AND claimed_at < $1 ORDER BY claimed_at LIMIT $2`,
      [olderThan, limit],
    );
    const marked: Recorded[] = [];
    for (const row of stale) {
      const recorded = await this.record(row, { kind: 'unknown', error: INTERRUPTED });
      if (recorded) marked.push(recorded);
    }
    return marked;
  }

  /** Planned, due rows nobody touched for a while: their job may have been lost with Redis. */
  async owed(now: Date, untouchedSince: Date, limit = 1000): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM ${this.table.name} WHERE status = 'planned' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
          AND updated_at < $2 ORDER BY updated_at LIMIT $3`,
      [now, untouchedSince, limit],
    );
    return rows.map((row) => row.id);
  }

  /** When a planned row may be tried next (undefined when it ended or another worker has it). */
  async nextAttempt(id: string): Promise<Date | null | undefined> {
    const [row] = await queryRows<{ status: string; next_attempt_at: Date | null }>(
      this.dataSource.manager,
      `SELECT status, next_attempt_at FROM ${this.table.name} WHERE id = $1`,
      [id],
    );
    return row?.status === DeliveryStatus.Planned ? row.next_attempt_at : undefined;
  }

  private async apply(event: DeliveryEvent, values: TransitionValues): Promise<Recorded | undefined> {
    if (!this.table.completesNotices) {
      const { text, params } = transitionStatement(this.table, event, values, 'status, next_attempt_at');
      const [row] = await queryPrepared<{ status: DeliveryStatus; next_attempt_at: Date | null }>(
        this.dataSource,
        text,
        params,
      );
      return row && { status: row.status, nextAttemptAt: row.next_attempt_at };
    }
    const { text, params } = deliveryTransitionStatement(event, values);
    const [row] = await queryPrepared<{
      status: DeliveryStatus;
      next_attempt_at: Date | null;
      run_id: string | null;
      notice_id: string;
      recheck: boolean;
    }>(this.dataSource, text, params);
    if (!row) return undefined;
    // Another delivery of the notice was open in the statement's snapshot: look again now
    // that this one is committed (see deliveryTransitionStatement).
    if (row.recheck) await this.dataSource.query(NOTICE_COMPLETION_SQL, [row.notice_id]);
    return { status: row.status, nextAttemptAt: row.next_attempt_at, runId: row.run_id };
  }
}
