import { Injectable } from '@nestjs/common';
import {
  IncidentCalloutDto,
  IncidentClashDto,
  IncidentDepartmentDto,
  IncidentDetailDto,
  IncidentDto,
  IncidentEventDto,
  IncidentTaskDto,
  TaskStatus,
} from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { loadSite } from './incident-site';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

const INCIDENT_SELECT = `
  SELECT i.*, r.display_name AS reported_by_name, c.display_name AS closed_by_name,
         (SELECT t.status FROM tasks t WHERE t.id = i.paperwork_task_id) AS paperwork_status,
         (SELECT p.time_zone FROM projects p WHERE p.id = i.project_id) AS time_zone
    FROM incidents i JOIN users r ON r.id = i.reported_by_id LEFT JOIN users c ON c.id = i.closed_by_id`;

/** A visibility filter on incidents (alias i), as the api's access rules give it. */
export interface IncidentFilter {
  where: string;
  params: unknown[];
}

/** Reads incidents as the board shows them (IncidentDto / IncidentDetailDto of the shared contract). */
@Injectable()
export class IncidentReader {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    filter: IncidentFilter,
    query: { status?: string; page: number; pageSize: number },
  ): Promise<{ items: IncidentDto[]; total: number }> {
    const params = [...filter.params];
    const where = [filter.where];
    if (query.status) where.push(`i.status = $${params.push(query.status)}`);
    const condition = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM incidents i WHERE ${condition}`,
      params,
    );
    const rows = await this.dataSource.query(
      `${INCIDENT_SELECT} WHERE ${condition} ORDER BY i.reported_at DESC, i.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const items = await Promise.all(rows.map((row: IncidentRow) => this.toDto(row, this.dataSource.manager)));
    return { items, total };
  }

  /** One incident if the filter lets the reader see it. */
  async find(id: string, filter: IncidentFilter = { where: 'true', params: [] }): Promise<IncidentDto | undefined> {
    const params = [...filter.params];
    const [row] = await this.dataSource.query(
      `${INCIDENT_SELECT} WHERE i.id = $${params.push(id)} AND ${filter.where}`,
      params,
    );
    return row ? this.toDto(row, this.dataSource.manager) : undefined;
  }

  /** The board's whole state; `withCallouts`: admins and coordinators see the channels. */
  async detail(incident: IncidentDto, withCallouts: boolean): Promise<IncidentDetailDto> {
    const manager = this.dataSource.manager;
    const [departments, tasks, events, clashes] = await Promise.all([
      this.departments(manager, incident.id, withCallouts),
      this.tasks(manager, incident.id),
      this.events(manager, incident.id),
      this.clashes(manager, incident.id),
    ]);
    return { ...incident, departments, tasks, events, clashes, now: new Date().toISOString() };
  }

  /** A stamp that changes whenever anything the board shows changes (the stream compares it). */
  async stamp(incidentId: string): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT concat_ws('/', i.version, i.updated_at,
         (SELECT count(*) FROM incident_events e WHERE e.incident_id = i.id),
         (SELECT max(updated_at) FROM incident_callouts co WHERE co.incident_id = i.id),
         (SELECT max(t.updated_at) FROM incident_tasks it JOIN tasks t ON t.id = it.task_id WHERE it.incident_id = i.id),
         (SELECT string_agg(x.status::text, ',' ORDER BY x.id) FROM incident_departments x WHERE x.incident_id = i.id)) AS stamp
         FROM incidents i WHERE i.id = $1`,
      [incidentId],
    );
    return row?.stamp ?? '';
  }

  private async toDto(row: IncidentRow, manager: EntityManager): Promise<IncidentDto> {
    return {
      id: row.id,
      version: row.version,
      code: row.code,
      kind: row.kind,
      severity: row.severity,
      status: row.status,
      title: row.title,
      description: row.description,
      callerName: row.caller_name,
      callerPhone: row.caller_phone,
      reportedAt: row.reported_at.toISOString(),
      reportedById: row.reported_by_id,
      reportedByName: row.reported_by_name,
      site: await loadSite(manager, row.location_id, row.access_notes),
      projectId: row.project_id,
      timeZone: row.time_zone,
      paperworkTaskId: row.paperwork_task_id,
      paperworkDueAt: row.paperwork_due_at.toISOString(),
      paperworkDone: row.paperwork_status === TaskStatus.Done,
      closedAt: iso(row.closed_at),
      closedByName: row.closed_by_name,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  private async departments(
    manager: EntityManager,
    incidentId: string,
    withCallouts: boolean,
  ): Promise<IncidentDepartmentDto[]> {
    const rows = await manager.query(
      `SELECT x.*, d.name AS department_name, d.kind AS department_kind, c.name AS crew_name,
              c.leader_name AS crew_leader, c.leader_phone AS crew_phone
         FROM incident_departments x JOIN departments d ON d.id = x.department_id LEFT JOIN crews c ON c.id = x.crew_id
        WHERE x.incident_id = $1 ORDER BY d.name`,
      [incidentId],
    );
    const callouts: (IncidentCalloutDto & { incident_department_id: string })[] = withCallouts
      ? await manager.query(
          `SELECT id, incident_department_id, purpose, kind, status, attempts, sent_at AS "sentAt", last_error AS "lastError"
             FROM incident_callouts WHERE incident_id = $1 AND incident_department_id IS NOT NULL ORDER BY purpose, kind`,
          [incidentId],
        )
      : [];
    return rows.map(
      (row: Record<string, never>): IncidentDepartmentDto => ({
        departmentId: row['department_id'],
        departmentName: row['department_name'],
        departmentKind: row['department_kind'],
        crewId: row['crew_id'],
        crewName: row['crew_name'],
        crewLeader: row['crew_leader'],
        crewPhone: row['crew_phone'],
        dutyLeadName: row['duty_lead_name'],
        dutyLeadPhone: row['duty_lead_phone'],
        status: row['status'],
        notifiedAt: iso(row['notified_at']),
        acknowledgedAt: iso(row['acknowledged_at']),
        onSiteAt: iso(row['on_site_at']),
        doneAt: iso(row['done_at']),
        escalatedAt: iso(row['escalated_at']),
        callouts: callouts
          .filter((callout) => callout.incident_department_id === row['id'])
          .map(({ incident_department_id: _, sentAt, ...callout }) => ({
            ...callout,
            sentAt: iso(sentAt as unknown as Date | null),
          })),
      }),
    );
  }

  private async tasks(manager: EntityManager, incidentId: string): Promise<IncidentTaskDto[]> {
    const rows = await manager.query(
      `SELECT t.id, t.code, it.step_key, t.title, t.department_id, t.crew_id, t.status, t.planned_start, t.planned_finish,
              COALESCE((SELECT array_agg(d.predecessor_id) FROM dependencies d WHERE d.successor_id = t.id), '{}') AS predecessor_ids
         FROM incident_tasks it JOIN tasks t ON t.id = it.task_id WHERE it.incident_id = $1 ORDER BY t.planned_start, t.code`,
      [incidentId],
    );
    return rows.map((row: Record<string, never>) => ({
      taskId: row['id'],
      code: row['code'],
      stepKey: row['step_key'],
      title: row['title'],
      departmentId: row['department_id'],
      crewId: row['crew_id'],
      status: row['status'],
      plannedStart: (row['planned_start'] as Date).toISOString(),
      plannedFinish: (row['planned_finish'] as Date).toISOString(),
      predecessorIds: row['predecessor_ids'],
    }));
  }

  private async events(manager: EntityManager, incidentId: string): Promise<IncidentEventDto[]> {
    const rows = await manager.query(
      `SELECT e.*, d.name AS department_name FROM incident_events e LEFT JOIN departments d ON d.id = e.department_id
        WHERE e.incident_id = $1 ORDER BY e.at, e.id`,
      [incidentId],
    );
    return rows.map((row: Record<string, never>) => ({
      id: row['id'],
      incidentId,
      kind: row['kind'],
      at: (row['at'] as Date).toISOString(),
      actorKind: row['actor_kind'],
      actorName: row['actor_name'],
      departmentId: row['department_id'],
      departmentName: row['department_name'],
      taskId: row['task_id'],
      detail: row['detail'],
    }));
  }

  private async clashes(manager: EntityManager, incidentId: string): Promise<IncidentClashDto[]> {
    const rows = await manager.query(
      `SELECT x.reason, t.id, t.title, t.project_id, t.crew_id, c.name AS crew_name, l.name AS location_name,
              t.planned_start, t.planned_finish
         FROM incident_clashes x JOIN tasks t ON t.id = x.task_id
         LEFT JOIN crews c ON c.id = t.crew_id LEFT JOIN locations l ON l.id = t.location_id
        WHERE x.incident_id = $1 ORDER BY t.planned_start, t.id`,
      [incidentId],
    );
    return rows.map((row: Record<string, never>) => ({
      taskId: row['id'],
      taskTitle: row['title'],
      projectId: row['project_id'],
      crewId: row['crew_id'],
      crewName: row['crew_name'],
      locationName: row['location_name'],
      start: (row['planned_start'] as Date).toISOString(),
      finish: (row['planned_finish'] as Date).toISOString(),
      reason: row['reason'],
    }));
  }
}

interface IncidentRow {
  id: string;
  version: number;
  code: string;
  kind: IncidentDto['kind'];
  severity: IncidentDto['severity'];
  status: IncidentDto['status'];
  title: string;
  description: string;
  caller_name: string;
  caller_phone: string | null;
  reported_at: Date;
  reported_by_id: string;
  reported_by_name: string;
  location_id: string;
  access_notes: string;
  project_id: string;
  paperwork_task_id: string;
  paperwork_due_at: Date;
  paperwork_status: string;
  time_zone: string;
  closed_at: Date | null;
  closed_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}
