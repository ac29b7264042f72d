import { HttpStatus, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiError, problem, recordAudits, runInChangeSet } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { calledInDepartments, incidentKindLabel, languageOf } from '@worksite/incidents-domain';
import {
  INCIDENT_RESIDENT_POSTS,
  IncidentJobs,
  IncidentTimeline,
  planCallout,
  residentContext,
  userActor,
  SYSTEM_INCIDENT_ACTOR,
} from '@worksite/incidents-data-access';
import { SmsChannel } from '@worksite/notices-channels';
import { queryRows } from '@worksite/notices-data-access';
import { ProjectRescheduler } from '@worksite/scheduling-data-access';
import { AppConfig } from '@worksite/server-config';
import { PlaybookEntity, TaskEntity } from '@worksite/server-data-access';
import {
  AuditAction,
  ChannelKind,
  IncidentEventKind,
  IncidentResidentPosts,
  LocationKind,
  Role,
} from '@worksite/shared-domain';
import { localDateOf } from '@worksite/shared-util-time';
import { DataSource, EntityManager, In } from 'typeorm';
import { onDutyAt } from '../on-call/on-call.service';
import { CreateIncidentDto } from './incident.dto';
import { flagClashes } from './incident-clashes';

import { roundTheClockCalendar } from './round-the-clock-calendar';
import { PAPERWORK_DUE_MS, rushTaskRows } from './rush-tasks';

/** A report may be entered up to this long after it came in. */
const MAX_REPORT_AGE_MS = 24 * 3600_000;
const LOCATION_KINDS: string[] = [LocationKind.Compound, LocationKind.Building, LocationKind.Unit];

/**
 * Opens an incident, in one transaction: its project on the round-the-clock calendar, the rush
 * tasks of its kind's playbook with their links (then scheduled by the engine, each after its
 * predecessors), the paperwork task, the departments called in with their on-duty crews, one
 * call-out per channel of each crew, the clashing planned work, and the timeline's first
 * entries. After the commit the call-outs go on the incidents queue at once, and residents
 * are told through the announcements hook when one is provided.
 */
@Injectable()
export class IncidentOpener {
  private readonly logger = new Logger(IncidentOpener.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly rescheduler: ProjectRescheduler,
    private readonly timeline: IncidentTimeline,
    private readonly jobs: IncidentJobs,
    private readonly sms: SmsChannel,
    private readonly config: AppConfig,
    @Optional() @Inject(INCIDENT_RESIDENT_POSTS) private readonly residents?: IncidentResidentPosts,
  ) {}

  async open(dto: CreateIncidentDto, actor: Actor, now = new Date()): Promise<string> {
    const reportedAt = dto.reportedAt ? new Date(dto.reportedAt) : now;
    if (reportedAt.getTime() > now.getTime() + 60_000 || reportedAt.getTime() < now.getTime() - MAX_REPORT_AGE_MS) {
      throw ApiError.badRequest('incident_reported_at', [problem('reportedAt', 'incidentReportedAtRange')]);
    }
    const opened = await this.dataSource.transaction(async (manager) =>
      this.openIn(manager, dto, actor, reportedAt, now),
    );
    await this.jobs.addCallouts(opened.calloutIds);
    this.tellResidents(opened.incidentId);
    return opened.incidentId;
  }

  private async openIn(manager: EntityManager, dto: CreateIncidentDto, actor: Actor, reportedAt: Date, now: Date) {
    const [location] = await manager.query('SELECT id, kind, parent_id FROM locations WHERE id = $1', [dto.locationId]);
    if (!location) throw ApiError.missingReference('locationId', 'location');
    if (!LOCATION_KINDS.includes(location.kind)) {
      throw ApiError.badRequest('incident_location_kind', [problem('locationId', 'incidentLocationKind')]);
    }
    const playbook = await manager.findOne(PlaybookEntity, { where: { kind: dto.kind } });
    if (!playbook) {
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'incident_no_playbook', {
        key: 'incident_no_playbook',
        params: { kind: incidentKindLabel(dto.kind, 'zh-CN') },
      });
    }
    const [user] = await manager.query('SELECT display_name, phone, language FROM users WHERE id = $1', [actor.id]);
    const zone = this.config.APP_TIMEZONE;
    const code = await nextCode(manager, reportedAt, zone);
    const calendarId = await roundTheClockCalendar(manager);
    const [{ id: projectId }] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO projects (code, name, description, time_zone, calendar_id, start_date, end_date, coordinator_name, coordinator_phone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        code,
        `${code} ${dto.title}`.slice(0, 200),
        dto.description ?? '',
        zone,
        calendarId,
        localDateOf(now, zone),
        localDateOf(reportedAt.getTime() + PAPERWORK_DUE_MS, zone),
        user?.display_name ?? actor.name,
        user?.phone ?? null,
      ],
    );
    if (actor.role === Role.Coordinator) {
      await manager.query('INSERT INTO user_projects (user_id, project_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        actor.id,
        projectId,
      ]);
    }

    // Who is on duty in each department called in, right now.
    const departmentIds = calledInDepartments(playbook);
    const duty = new Map<string, Awaited<ReturnType<typeof onDutyAt>>>();
    for (const departmentId of departmentIds) duty.set(departmentId, await onDutyAt(manager, departmentId, now));

    const building = location.kind === LocationKind.Unit ? location.parent_id : location.id;
    const plans = rushTaskRows(playbook.steps, playbook.paperworkDepartmentId, {
      projectId,
      timeZone: zone,
      locationId: dto.locationId,
      cutLocationIds: [building],
      startAt: new Date(Math.floor(now.getTime() / 60_000) * 60_000),
      reportedAt,
      crewOf: (departmentId) => duty.get(departmentId)?.crewId ?? null,
      language: languageOf(user?.language),
    });
    const inserted = await manager.insert(TaskEntity, plans.map((plan) => plan.row) as never);
    const taskIds = inserted.identifiers.map((identifier) => identifier['id'] as string);
    const byStep = new Map(plans.map((plan, index) => [plan.stepKey, taskIds[index]]));
    for (const step of playbook.steps) {
      for (const link of step.dependsOn) {
        await manager.query(
          `INSERT INTO dependencies (project_id, predecessor_id, successor_id, type, lag_minutes) VALUES ($1, $2, $3, $4, $5)`,
          [projectId, byStep.get(link.step), byStep.get(step.key), link.type ?? 'FS', link.lagMinutes ?? 0],
        );
      }
    }
    const stored = await manager.findBy(TaskEntity, { id: In(taskIds) });
    await recordAudits(
      manager,
      stored.map((task) => ({
        actor,
        action: AuditAction.Create,
        entity: 'task',
        entityId: task.id,
        projectId,
        after: task,
      })),
    );
    // The engine places every task after its predecessors (round-the-clock calendar).
    await this.rescheduler.tasksChanged(manager, actor, projectId, taskIds);
    await manager.query(
      `UPDATE tasks SET interruption_starts_at = planned_start, interruption_ends_at = planned_finish
        WHERE id = ANY($1::uuid[]) AND interruption_kind IS NOT NULL`,
      [taskIds],
    );

    const paperworkTaskId = byStep.get('paperwork') as string;
    const [{ id: incidentId }] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO incidents (code, kind, severity, title, description, caller_name, caller_phone, reported_at, reported_by_id,
                              location_id, access_notes, project_id, paperwork_task_id, paperwork_due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        code,
        dto.kind,
        dto.severity,
        dto.title,
        dto.description ?? '',
        dto.callerName,
        dto.callerPhone ?? null,
        reportedAt,
        actor.id,
        dto.locationId,
        dto.accessNotes ?? '',
        projectId,
        paperworkTaskId,
        new Date(reportedAt.getTime() + PAPERWORK_DUE_MS),
      ],
    );
    for (const [stepKey, taskId] of byStep) {
      await manager.query('INSERT INTO incident_tasks (task_id, incident_id, step_key) VALUES ($1, $2, $3)', [
        taskId,
        incidentId,
        stepKey,
      ]);
    }
    await this.timeline.record(
      {
        incidentId,
        kind: IncidentEventKind.Reported,
        actor: userActor(actor),
        at: reportedAt,
        detail: { callerName: dto.callerName, callerPhone: dto.callerPhone ?? null, severity: dto.severity },
      },
      manager,
    );

    const calloutIds: string[] = [];
    const escalationDue = new Date(now.getTime() + this.config.INCIDENT_ACK_MINUTES * 60_000);
    for (const departmentId of departmentIds) {
      const onDuty = duty.get(departmentId) ?? { crewId: null, dutyLeadName: null, dutyLeadPhone: null };
      const [{ id: rowId }] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO incident_departments (incident_id, department_id, crew_id, duty_lead_name, duty_lead_phone, escalation_due_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [incidentId, departmentId, onDuty.crewId, onDuty.dutyLeadName, onDuty.dutyLeadPhone, escalationDue],
      );
      if (!onDuty.crewId) {
        await this.timeline.record(
          { incidentId, kind: IncidentEventKind.NoCrewOnDuty, actor: SYSTEM_INCIDENT_ACTOR, departmentId },
          manager,
        );
        continue;
      }
      const channels: { id: string; kind: ChannelKind; address: string; language: string }[] = await manager.query(
        `SELECT ch.id, ch.kind, ch.address, c.language FROM crew_channels ch JOIN crews c ON c.id = ch.crew_id
          WHERE ch.crew_id = $1 AND ch.enabled ORDER BY ch.kind, ch.address`,
        [onDuty.crewId],
      );
      for (const channel of channels) {
        const id = await planCallout(manager, {
          incidentId,
          incidentDepartmentId: rowId,
          purpose: 'callout',
          channelId: channel.id,
          kind: channel.kind,
          address: channel.address,
          language: channel.language,
          skipped: channel.kind === ChannelKind.Sms && !this.sms.enabled,
        });
        if (id) calloutIds.push(id);
      }
    }

    const crewIds = [...duty.values()].flatMap((d) => (d.crewId ? [d.crewId] : []));
    const clashes = await flagClashes(manager, {
      id: incidentId,
      projectId,
      locationId: dto.locationId,
      clashLocationId: building,
      crewIds,
      now,
      timeZone: zone,
    });
    if (clashes > 0) {
      await this.timeline.record(
        { incidentId, kind: IncidentEventKind.ClashFlagged, actor: SYSTEM_INCIDENT_ACTOR, detail: { count: clashes } },
        manager,
      );
    }
    return { incidentId, calloutIds };
  }

  /** After the commit: the announcements service drafts or posts the residents' message (errors only logged). */
  private tellResidents(incidentId: string): void {
    const residents = this.residents;
    if (!residents) return;
    // Written by the system in a change set of its own, not in the coordinator's request's.
    runInChangeSet(randomUUID(), () =>
      residentContext(this.dataSource.manager, incidentId).then((context) => residents.incidentOpened(context)),
    ).catch((error: Error) => this.logger.warn(`resident post for incident ${incidentId}: ${error.message}`));
  }
}

/** INC-YYYYMMDD-NN: the local date of the report and the day's sequence (under a lock per day). */
async function nextCode(manager: EntityManager, reportedAt: Date, zone: string): Promise<string> {
  const day = localDateOf(reportedAt.getTime(), zone).replace(/-/g, '');
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`incident-code-${day}`]);
  const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM incidents WHERE code LIKE $1', [
    `INC-${day}-%`,
  ]);
  return `INC-${day}-${String(count + 1).padStart(2, '0')}`;
}
