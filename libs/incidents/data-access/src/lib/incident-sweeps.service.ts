import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { SmsChannel } from '@worksite/notices-channels';
import { AppConfig } from '@worksite/server-config';
import { ChannelKind, IncidentEventKind, IncidentResidentPosts, TaskStatus } from '@worksite/shared-domain';
import { queryRows } from '@worksite/notices-data-access';
import { DataSource, EntityManager } from 'typeorm';
import { CalloutLedger } from './callout-ledger.service';
import { SYSTEM_INCIDENT_ACTOR } from './incident-actor';
import { IncidentJobs } from './incident-jobs.service';
import { IncidentTimeline } from './incident-timeline.service';
import { residentContext } from './resident-context';
import { INCIDENT_RESIDENT_POSTS } from './resident-posts';

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
  private readonly logger = new Logger(IncidentSweeps.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly jobs: IncidentJobs,
    private readonly ledger: CalloutLedger,
    private readonly sms: SmsChannel,
    private readonly config: AppConfig,
    @Optional() @Inject(INCIDENT_RESIDENT_POSTS) private readonly residents?: IncidentResidentPosts,
  ) {}

  async sweep(now: Date): Promise<{ escalated: number; reminded: number; requeued: number }> {
    await this.recordTaskProgress();
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

  /**
   * Rush tasks of open incidents that started or finished since the last look go on the
   * timeline (task_status, attributed to whoever changed the task last); a finished task that cut
   * a utility tells residents it is restored through the announcements hook, when there is one.
   */
  async recordTaskProgress(): Promise<number> {
    const rows = await queryRows<{
      incident_id: string;
      task_id: string;
      status: string;
      department_id: string;
      actor: string | null;
      cut: string | null;
    }>(
      this.dataSource.manager,
      `INSERT INTO incident_events (incident_id, kind, at, actor_kind, actor_name, department_id, task_id, detail)
       SELECT it.incident_id, 'task_status', t.updated_at, 'user',
              COALESCE((SELECT a.actor_name FROM audit_entries a WHERE a.entity_id = t.id ORDER BY a.at DESC LIMIT 1), 'system'),
              t.department_id, t.id, jsonb_build_object('status', t.status, 'title', t.title, 'utility', t.interruption_kind)
         FROM incident_tasks it JOIN tasks t ON t.id = it.task_id JOIN incidents i ON i.id = it.incident_id
        WHERE i.status = 'open' AND t.status IN ('in_progress', 'done')
          AND NOT EXISTS (SELECT 1 FROM incident_events e WHERE e.task_id = t.id AND e.kind = 'task_status'
                                                          AND e.detail->>'status' = t.status::text)
       RETURNING incident_id, task_id, detail->>'status' AS status, department_id, actor_name AS actor, detail->>'utility' AS cut`,
    );
    const residents = this.residents;
    for (const row of rows) {
      if (!residents || row.status !== TaskStatus.Done || !row.cut) continue;
      const context = await residentContext(this.dataSource.manager, row.incident_id);
      await residents
        .incidentUpdated(context, {
          kind: 'restored',
          utility: row.cut as never,
          taskId: row.task_id,
          at: new Date().toISOString(),
        })
        .catch((error: Error) => this.logger.warn(`resident post for incident ${row.incident_id}: ${error.message}`));
    }
    return rows.length;
  }
}
