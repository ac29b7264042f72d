import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@worksite/server-config';
import { escalationDue, reminderDue } from '@worksite/notices-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { DataSource } from 'typeorm';
import { NOTICE_CLOCK, NoticeClock } from './notice-clock';
import { queryRows } from './sql';

interface Candidate {
  id: string;
  crew_id: string;
  notice_date: string;
  created_at: Date;
  zone: string;
}

/**
 * Reminders and escalations for crews that have not acknowledged the latest revision of
 * their notice: at NOTICE_REMINDER_TIME on the evening before, a reminder on the channels
 * that reached them; at NOTICE_ESCALATION_TIME on the day itself, the crew is flagged to
 * the coordinators of its projects (listed in the API) and each coordinator gets an alert.
 * Each happens once per notice, guarded by reminded_at / escalated_at and unique keys.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {}

  private async candidates(column: 'reminded_at' | 'escalated_at', now: number): Promise<Candidate[]> {
    const today = localDateOf(now, this.config.APP_TIMEZONE);
    return queryRows<Candidate>(
      this.dataSource.manager,
      `SELECT n.id, n.crew_id, to_char(n.notice_date, 'YYYY-MM-DD') AS notice_date, n.created_at,
              coalesce(n.content->>'timeZone', $3) AS zone
         FROM notices n
        WHERE n.notice_date BETWEEN $1::date AND $2::date AND n.acknowledged_at IS NULL AND n.${column} IS NULL
          AND n.revision = (SELECT max(l.revision) FROM notices l WHERE l.crew_id = n.crew_id AND l.notice_date = n.notice_date)`,
      [addDays(today, -1), addDays(today, 2), this.config.APP_TIMEZONE],
    );
  }

  /** Sends reminders that are due; returns the reminder deliveries to send. */
  async remindDue(): Promise<string[]> {
    const now = this.clock();
    const times = { reminder: this.config.NOTICE_REMINDER_TIME, escalation: this.config.NOTICE_ESCALATION_TIME };
    const due = (await this.candidates('reminded_at', now)).filter((n) =>
      reminderDue(now, { date: n.notice_date, createdAt: n.created_at.getTime() }, times, n.zone),
    );
    const deliveryIds: string[] = [];
    for (const notice of due) {
      await this.dataSource.transaction(async (manager) => {
        const marked = await queryRows(
          manager,
          `UPDATE notices SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL AND acknowledged_at IS NULL RETURNING id`,
          [notice.id, new Date(now)],
        );
        if (!marked.length) return;
        const rows = await queryRows<{ id: string }>(
          manager,
          `INSERT INTO deliveries (notice_id, channel_id, purpose, kind, address)
           SELECT notice_id, channel_id, 'reminder', kind, address FROM deliveries
            WHERE notice_id = $1 AND purpose = 'notice' AND status IN ('sent', 'unknown') AND channel_id IS NOT NULL
           ON CONFLICT DO NOTHING RETURNING id`,
          [notice.id],
        );
        deliveryIds.push(...rows.map((row) => row.id));
      });
    }
    return deliveryIds;
  }

  /** Flags crews that are due; returns the coordinator alerts to send. */
  async escalateDue(): Promise<string[]> {
    const now = this.clock();
    const due = (await this.candidates('escalated_at', now)).filter((n) =>
      escalationDue(now, n.notice_date, this.config.NOTICE_ESCALATION_TIME, n.zone),
    );
    const alertIds: string[] = [];
    const smsOn = this.config.SMS_GATEWAY_URL !== '';
    for (const notice of due) {
      await this.dataSource.transaction(async (manager) => {
        const [marked] = await queryRows<{ project_ids: string[] }>(
          manager,
          `UPDATE notices SET escalated_at = $2 WHERE id = $1 AND escalated_at IS NULL AND acknowledged_at IS NULL
           RETURNING project_ids`,
          [notice.id, new Date(now)],
        );
        if (!marked) return;
        await manager.query(
          `INSERT INTO notice_escalations (project_id, crew_id, notice_id, notice_date)
           SELECT p, $2, $3, $4::date FROM unnest($1::uuid[]) AS p ON CONFLICT DO NOTHING`,
          [marked.project_ids, notice.crew_id, notice.id, notice.notice_date],
        );
        const alerts = await queryRows<{ id: string }>(
          manager,
          `INSERT INTO escalation_alerts (project_id, alert_date, user_id, kind, address)
           SELECT up.project_id, $2::date, u.id, 'email'::channel_kind, u.email
             FROM user_projects up JOIN users u ON u.id = up.user_id
            WHERE up.project_id = ANY($1::uuid[]) AND u.role = 'coordinator' AND u.active AND coalesce(u.email, '') <> ''
           UNION ALL
           SELECT p.id, $2::date, NULL, 'sms'::channel_kind, p.coordinator_phone FROM projects p
            WHERE p.id = ANY($1::uuid[]) AND $3 AND coalesce(p.coordinator_phone, '') <> ''
           ON CONFLICT DO NOTHING RETURNING id`,
          [marked.project_ids, notice.notice_date, smsOn],
        );
        alertIds.push(...alerts.map((row) => row.id));
      });
    }
    return alertIds;
  }
}
