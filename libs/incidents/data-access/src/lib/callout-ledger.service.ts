import { Injectable } from '@nestjs/common';
import {
  AckService,
  AttemptLedger,
  AttemptOutcome,
  INCIDENT_CALLOUTS_LEDGER,
  queryPrepared,
  Recorded,
} from '@worksite/notices-data-access';
import { AppConfig } from '@worksite/server-config';
import { ChannelKind } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import type { IncidentCalloutPurpose } from '@worksite/server-data-access';

/** A call-out claimed for one attempt (committed `sending`), with its link's raw token. */
export interface ClaimedCallout {
  id: string;
  incidentId: string;
  incidentDepartmentId: string | null;
  purpose: IncidentCalloutPurpose;
  kind: ChannelKind;
  address: string;
  language: string;
  attempts: number;
  secret: string | null;
  ackToken: string;
}

/**
 * Incident messages on the delivery state machine of the nightly notices (AttemptLedger on
 * incident_callouts): claimed `sending` with attempts + 1 — and, for a crew's call-out, the
 * attempt's acknowledgement token — in one committed statement before the provider is called.
 */
@Injectable()
export class CalloutLedger {
  readonly ledger: AttemptLedger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly acks: AckService,
    config: AppConfig,
  ) {
    this.ledger = new AttemptLedger(dataSource, INCIDENT_CALLOUTS_LEDGER, () => ({
      maxAttempts: config.NOTICE_MAX_ATTEMPTS,
      // Emergencies retry sooner than the night run: a few seconds, doubling.
      baseDelayMs: Math.min(config.NOTICE_RETRY_BASE_SECONDS, 5) * 1000,
    }));
  }

  async peek(
    id: string,
  ): Promise<{ status: string; kind: ChannelKind; address: string; next_attempt_at: Date | null } | undefined> {
    const [row] = await this.dataSource.query(
      'SELECT status, kind, address, next_attempt_at FROM incident_callouts WHERE id = $1',
      [id],
    );
    return row;
  }

  async claim(id: string, now: Date): Promise<ClaimedCallout | undefined> {
    const token = this.acks.newToken(now);
    const claim = this.ledger.claimStatement(id, now, '*');
    const at = claim.params.length;
    const [row] = await queryPrepared<{
      id: string;
      incident_id: string;
      incident_department_id: string | null;
      purpose: IncidentCalloutPurpose;
      kind: ChannelKind;
      address: string;
      language: string;
      attempts: number;
      secret: string | null;
    }>(
      this.dataSource,
      `WITH c AS (${claim.text}), t AS (
         INSERT INTO incident_ack_tokens (token_hash, incident_department_id, callout_id, expires_at)
         SELECT $${at + 1}, c.incident_department_id, c.id, $${at + 2} FROM c
          WHERE c.purpose = 'callout' AND c.incident_department_id IS NOT NULL)
       SELECT c.*, ch.secret FROM c LEFT JOIN crew_channels ch ON ch.id = c.channel_id`,
      [...claim.params, token.hash, token.expiresAt],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      incidentId: row.incident_id,
      incidentDepartmentId: row.incident_department_id,
      purpose: row.purpose,
      kind: row.kind,
      address: row.address,
      language: row.language,
      attempts: row.attempts,
      secret: row.secret,
      ackToken: token.token,
    };
  }

  record(claim: ClaimedCallout, outcome: AttemptOutcome): Promise<Recorded | undefined> {
    return this.ledger.record(claim, outcome);
  }

  defer(id: string, until: Date): Promise<void> {
    return this.ledger.defer(id, until);
  }
}
