import { Injectable } from '@nestjs/common';
import { SmsChannel } from '@worksite/notices-channels';
import { AppConfig } from '@worksite/server-config';
import { ChannelKind, IncidentEventKind, TaskStatus } from '@worksite/shared-domain';
import { queryRows } from '@worksite/notices-data-access';
import { DataSource, EntityManager } from 'typeorm';
import { CalloutLedger } from './callout-ledger.service';
import { SYSTEM_INCIDENT_ACTOR } from './incident-actor';
import { IncidentJobs } from './incident-jobs.service';
import { IncidentTimeline } from './incident-timeline.service';

/** Inserts one incident message row (once: the unique key drops a second); returns its id when new. */
export async function planCallout(
  manager: EntityManager,
  row: {
    incidentId: string;
    incidentDepartmentId: string | null;
    purpose: 'callout' | 'escalation' | 'paperwork';
    channelId: string | null;
    kind: ChannelKind;
    address: string;
    language: string;
    /** SMS without a gateway is planned as skipped, like the notices'. */
    skipped: boolean;
  },
): Promise<string | undefined> {
  const [inserted] = await queryRows<{ id: string }>(
    manager,
    `INSERT INTO incident_callouts (incident_id, incident_department_id, purpose, channel_id, kind, address, language, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (incident_id, incident_department_id, purpose, kind, address) DO NOTHING RETURNING id`,
    [
      row.incidentId,
      row.incidentDepartmentId,
      row.purpose,
      row.channelId,
      row.kind,
      row.address,
      row.language,
      row.skipped ? 'skipped' : 'planned',
    ],
  );
  return row.skipped ? undefined : inserted?.id;
}

/**
 * The time-driven side of incidents, run by every worker on a timer (PostgreSQL decides, so
 * several workers may run it at once): silence past INCIDENT_ACK_MINUTES escalates to the duty
 * lead by SMS; the paperwork deadline nears → the coordinator is reminded; owed messages whose
 * job was lost (Redis) are queued again, interrupted ones marked unknown. `now` is injected.
 */
@Injectable()
export class IncidentSweeps {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly jobs: IncidentJobs,
    private readonly ledger: CalloutLedger,
    private readonly sms: SmsChannel,
    private readonly config: AppConfig,
  ) {}

  async sweep(now: Date): Promise<{ escalated: number; reminded: number; requeued: number }> {
    const escalated = await this.escalate(now);
    const reminded = await this.remindPaperwork(now);
    await this.ledger.ledger.sweepInterrupted(
      new Date(now.getTime() - this.config.NOTICE_SENDING_TIMEOUT_SECONDS * 1000),
    );
    const owed = await this.ledger.ledger.owed(
      now,
      new Date(now.getTime() - this.config.NOTICE_LOST_JOB_SECONDS * 1000),
    );
    await this.jobs.addCallouts(owed);
    return { escalated: escalated.length, reminded: reminded.length, requeued: owed.length };
  }

  /** Departments still unacknowledged past their due time: one SMS to the duty lead each, once (queued at once). */
  async escalate(now: Date): Promise<string[]> {
    const planned = await this.dataSource.transaction(async (manager) => {
      const rows = await queryRows<{
        id: string;
        incident_id: string;
        department_id: string;
        duty_lead_name: string | null;
        duty_lead_phone: string | null;
      }>(
        manager,
        `UPDATE incident_departments x SET escalated_at = $1, escalation_due_at = NULL
           FROM incidents i
          WHERE i.id = x.incident_id AND i.status = 'open' AND x.escalation_due_at <= $1
            AND x.status IN ('calling', 'notified')
          RETURNING x.id, x.incident_id, x.department_id, x.duty_lead_name, x.duty_lead_phone`,
        [now],
      );
      const planned: string[] = [];
      for (const row of rows) {
        const id = row.duty_lead_phone
          ? await planCallout(manager, {
              incidentId: row.incident_id,
              incidentDepartmentId: row.id,
              purpose: 'escalation',
              channelId: null,
              kind: ChannelKind.Sms,
              address: row.duty_lead_phone,
              language: 'zh-CN',
              skipped: !this.sms.enabled,
            })
          : undefined;
        if (id) planned.push(id);
        await this.timeline.record(
          {
            incidentId: row.incident_id,
            kind: IncidentEventKind.Escalated,
            actor: SYSTEM_INCIDENT_ACTOR,
            at: now,
            departmentId: row.department_id,
            detail: {
              dutyLeadName: row.duty_lead_name,
              dutyLeadPhone: row.duty_lead_phone,
              minutes: this.config.INCIDENT_ACK_MINUTES,
            },
          },
          manager,
        );
      }
      return planned;
    });
    await this.jobs.addCallouts(planned);
    return planned;
  }

  /** Open incidents whose paperwork is not done and due within the reminder time: the reporter is reminded once (queued at once). */
  async remindPaperwork(now: Date): Promise<string[]> {
    const planned = await this.dataSource.transaction(async (manager) => {
      const rows = await queryRows<{ id: string; reported_by_id: string; project_id: string }>(
        manager,
        `UPDATE incidents i SET paperwork_reminded_at = $1
          WHERE i.status = 'open' AND i.paperwork_reminded_at IS NULL
            AND i.paperwork_due_at - make_interval(mins => $2) <= $1
            AND EXISTS (SELECT 1 FROM tasks t WHERE t.id = i.paperwork_task_id AND t.status NOT IN ($3, $4))
          RETURNING i.id, i.reported_by_id, i.project_id`,
        [now, this.config.INCIDENT_PAPERWORK_REMINDER_MINUTES, TaskStatus.Done, TaskStatus.Cancelled],
      );
      const planned: string[] = [];
      for (const row of rows) {
        const [user] = await manager.query(
          `SELECT u.email, COALESCE(u.phone, p.coordinator_phone) AS phone, u.language
             FROM users u, projects p WHERE u.id = $1 AND p.id = $2`,
          [row.reported_by_id, row.project_id],
        );
        const targets: [ChannelKind, string | null][] = [
          [ChannelKind.Email, user?.email ?? null],
          [ChannelKind.Sms, user?.phone ?? null],
        ];
        for (const [kind, address] of targets) {
          if (!address) continue;
          const id = await planCallout(manager, {
            incidentId: row.id,
            incidentDepartmentId: null,
            purpose: 'paperwork',
            channelId: null,
            kind,
            address,
            language: user?.language ?? 'zh-CN',
            skipped: kind === ChannelKind.Sms && !this.sms.enabled,
          });
          if (id) planned.push(id);
        }
      }
      return planned;
    });
    await this.jobs.addCallouts(planned);
    return planned;
  }
}
