import { Injectable } from '@nestjs/common';
import { AttemptOutcome, UnacknowledgedCrew } from '@worksite/notices-domain';
import { AppConfig } from '@worksite/server-config';
import { ChannelKind } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { AttemptLedger } from './attempt-ledger';
import { ALERTS_LEDGER } from './ledger-sql';
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

/**
 * Coordinator alerts of the morning escalation: their own table, moved by the same delivery
 * state machine as the crews' deliveries (AttemptLedger), so they are sent once in the same way.
 */
@Injectable()
export class EscalationAlertsService {
  private readonly ledger: AttemptLedger;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.ledger = new AttemptLedger(dataSource, ALERTS_LEDGER, () => ({
      maxAttempts: config.NOTICE_MAX_ATTEMPTS,
      baseDelayMs: config.NOTICE_RETRY_BASE_SECONDS * 1000,
    }));
  }

  async claim(alertId: string, now: Date): Promise<ClaimedAlert | undefined> {
    const claim = this.ledger.claimStatement(
      alertId,
      now,
      "id, attempts, kind, address, to_char(alert_date, 'YYYY-MM-DD') AS alert_date, project_id, user_id",
    );
    const [alert] = await queryRows<{
      id: string;
      attempts: number;
      kind: ChannelKind;
      address: string;
      alert_date: string;
      project_id: string;
      user_id: string | null;
    }>(this.dataSource.manager, claim.text, claim.params);
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

  async record(alert: Pick<ClaimedAlert, 'id' | 'attempts' | 'kind'>, outcome: AttemptOutcome): Promise<void> {
    await this.ledger.record(alert, outcome);
  }

  /** When a planned alert may be tried next (undefined when it ended or another worker has it). */
  nextAttempt(alertId: string): Promise<Date | null | undefined> {
    return this.ledger.nextAttempt(alertId);
  }

  /** Alerts still "sending" long after their claim were interrupted: emails planned again, SMS unknown. */
  async sweepInterrupted(olderThan: Date): Promise<number> {
    return (await this.ledger.sweepInterrupted(olderThan)).length;
  }

  /** Planned, due alerts untouched for a while: their job may have been lost. */
  owed(now: Date, untouchedSince: Date): Promise<string[]> {
    return this.ledger.owed(now, untouchedSince, 500);
  }
}
