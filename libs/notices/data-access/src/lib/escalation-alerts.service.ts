import { Injectable } from '@nestjs/common';
import { UnacknowledgedCrew } from '@worksite/notices-domain';
import { AppConfig } from '@worksite/server-config';
import { ChannelKind } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { AttemptOutcome } from './delivery-ledger.service';
import { queryRows } from './sql';

/** A claimed coordinator alert with what it says. */
export interface ClaimedAlert {
  id: string;
  attempts: number;
  kind: ChannelKind;
  address: string;
  alertDate: string;
  projectName: string;
  language: string;
  crews: UnacknowledgedCrew[];
}

/** Coordinator alerts of the morning escalation, with the deliveries' exactly-once steps. */
@Injectable()
export class EscalationAlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async claim(alertId: string, now: Date): Promise<ClaimedAlert | undefined> {
    const [alert] = await queryRows<{
      id: string;
      attempts: number;
      kind: ChannelKind;
      address: string;
      alert_date: string;
      project_id: string;
      user_id: string | null;
    }>(
      this.dataSource.manager,
      `UPDATE escalation_alerts SET status = 'sending', attempts = attempts + 1, claimed_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'planned' AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
        RETURNING id, attempts, kind, address, to_char(alert_date, 'YYYY-MM-DD') AS alert_date, project_id, user_id`,
      [alertId, now],
    );
    if (!alert) return undefined;
    const [project] = await queryRows<{ name: string; language: string | null }>(
      this.dataSource.manager,
      `SELECT p.name, (SELECT u.language::text FROM users u WHERE u.id = $2) AS language FROM projects p WHERE p.id = $1`,
      [alert.project_id, alert.user_id],
    );
    const crews = await queryRows<{
      crew_name: string;
      department_name: string;
      leader_name: string;
      leader_phone: string | null;
      first_task: string | null;
    }>(
      this.dataSource.manager,
      `SELECT c.name AS crew_name, d.name AS department_name, c.leader_name, c.leader_phone,
              (n.content->'tasks'->0->>'start') || ' ' || (n.content->'tasks'->0->>'title') AS first_task
         FROM notice_escalations e JOIN notices n ON n.id = e.notice_id JOIN crews c ON c.id = e.crew_id
         JOIN departments d ON d.id = c.department_id
        WHERE e.project_id = $1 AND e.notice_date = $2
          AND NOT EXISTS (SELECT 1 FROM notices a WHERE a.crew_id = e.crew_id AND a.notice_date = e.notice_date
                                                     AND a.revision >= n.revision AND a.acknowledged_at IS NOT NULL)
        ORDER BY d.name, c.name`,
      [alert.project_id, alert.alert_date],
    );
    return {
      id: alert.id,
      attempts: alert.attempts,
      kind: alert.kind,
      address: alert.address,
      alertDate: alert.alert_date,
      projectName: project?.name ?? '',
      language: project?.language ?? 'zh-CN',
      crews: crews.map((c) => ({
        crewName: c.crew_name,
        departmentName: c.department_name,
        leaderName: c.leader_name,
        leaderPhone: c.leader_phone,
        firstTask: c.first_task ?? '',
      })),
    };
  }

  async record(alert: Pick<ClaimedAlert, 'id' | 'attempts'>, outcome: AttemptOutcome): Promise<void> {
    if (outcome.kind === 'sent') {
      await this.dataSource.query(
        `UPDATE escalation_alerts SET status = 'sent', sent_at = now(), provider_response = $3, updated_at = now()
          WHERE id = $1 AND attempts = $2 AND status IN ('sending', 'unknown')`,
        [alert.id, alert.attempts, JSON.stringify(outcome.response ?? null)],
      );
      return;
    }
    if (outcome.kind === 'unknown') {
      await this.dataSource.query(
        `UPDATE escalation_alerts SET status = 'unknown', last_error = $3, updated_at = now()
          WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
        [alert.id, alert.attempts, outcome.error],
      );
      return;
    }
    const retry = outcome.retriable && alert.attempts < this.config.NOTICE_MAX_ATTEMPTS;
    const backoff = this.config.NOTICE_RETRY_BASE_SECONDS * 1000 * 2 ** (alert.attempts - 1);
    await this.dataSource.query(
      `UPDATE escalation_alerts SET status = $3, next_attempt_at = $4, last_error = $5, updated_at = now()
        WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
      [
        alert.id,
        alert.attempts,
        retry ? 'planned' : 'failed',
        retry ? new Date(Date.now() + backoff) : null,
        outcome.error,
      ],
    );
  }

  /** When a planned alert may be tried next (undefined when it ended or another worker has it). */
  async nextAttempt(alertId: string): Promise<Date | null | undefined> {
    const [row] = await queryRows<{ status: string; next_attempt_at: Date | null }>(
      this.dataSource.manager,
      'SELECT status, next_attempt_at FROM escalation_alerts WHERE id = $1',
      [alertId],
    );
    return row?.status === 'planned' ? row.next_attempt_at : undefined;
  }

  async markStaleUnknown(olderThan: Date): Promise<number> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE escalation_alerts SET status = 'unknown', updated_at = now(),
              last_error = 'interrupted after the provider was called; not sent again automatically'
        WHERE status = 'sending' AND claimed_at < $1 RETURNING id`,
      [olderThan],
    );
    return rows.length;
  }

  /** Planned, due alerts untouched for a while: their job may have been lost. */
  async owed(now: Date, untouchedSince: Date): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM escalation_alerts WHERE status = 'planned' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
          AND updated_at < $2 LIMIT 500`,
      [now, untouchedSince],
    );
    return rows.map((row) => row.id);
  }
}
