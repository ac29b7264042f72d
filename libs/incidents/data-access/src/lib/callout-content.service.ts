import { Injectable } from '@nestjs/common';
import { CalloutInput, escalationSms, languageOf, paperworkReminder } from '@worksite/incidents-domain';
import { AppConfig } from '@worksite/server-config';
import { IncidentKind, IncidentSeverity } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { loadSite, siteText } from './incident-site';

interface IncidentRow {
  code: string;
  kind: IncidentKind;
  severity: IncidentSeverity;
  title: string;
  reported_at: Date;
  access_notes: string;
  location_id: string;
  paperwork_due_at: Date;
  time_zone: string;
  coordinator_name: string | null;
  coordinator_phone: string | null;
}

/** What an incident message says, read from the database when it is sent. */
@Injectable()
export class CalloutContent {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  private async incident(incidentId: string): Promise<IncidentRow> {
    const [row] = await this.dataSource.query(
      `SELECT i.code, i.kind, i.severity, i.title, i.reported_at, i.access_notes, i.location_id, i.paperwork_due_at,
              p.time_zone, p.coordinator_name, p.coordinator_phone
         FROM incidents i JOIN projects p ON p.id = i.project_id WHERE i.id = $1`,
      [incidentId],
    );
    if (!row) throw new Error(`incident ${incidentId} not found`);
    return row;
  }

  /** A crew's call-out: the incident, the place, the department's rush tasks, the coordinator. */
  async callout(incidentId: string, incidentDepartmentId: string, language: string): Promise<CalloutInput> {
    const incident = await this.incident(incidentId);
    const [department] = await this.dataSource.query(
      `SELECT d.name AS department_name, d.id AS department_id, c.name AS crew_name, c.leader_phone
         FROM incident_departments x JOIN departments d ON d.id = x.department_id LEFT JOIN crews c ON c.id = x.crew_id
        WHERE x.id = $1`,
      [incidentDepartmentId],
    );
    const tasks: {
      title: string;
      planned_start: Date;
      planned_finish: Date;
      content: string;
      tools: string[];
      safety_notes: string;
    }[] = await this.dataSource.query(
      `SELECT t.title, t.planned_start, t.planned_finish, t.content, t.tools, t.safety_notes
           FROM incident_tasks it JOIN tasks t ON t.id = it.task_id
          WHERE it.incident_id = $1 AND t.department_id = $2 AND it.step_key <> 'paperwork'
          ORDER BY t.planned_start, t.code`,
      [incidentId, department.department_id],
    );
    const site = await loadSite(this.dataSource.manager, incident.location_id, incident.access_notes);
    return {
      language: languageOf(language),
      timeZone: incident.time_zone,
      code: incident.code,
      kind: incident.kind,
      severity: incident.severity,
      title: incident.title,
      reportedAt: incident.reported_at.getTime(),
      place: siteText(site),
      accessNotes: incident.access_notes,
      departmentName: department.department_name,
      crewName: department.crew_name ?? '',
      crewLeaderPhone: department.leader_phone ?? null,
      tasks: tasks.map((t) => ({
        title: t.title,
        start: t.planned_start.getTime(),
        finish: t.planned_finish.getTime(),
        content: t.content,
        tools: t.tools,
        safetyNotes: t.safety_notes,
      })),
      coordinatorName: incident.coordinator_name ?? '',
      coordinatorPhone: incident.coordinator_phone,
    };
  }

  /** The duty lead's SMS. */
  async escalation(incidentId: string, incidentDepartmentId: string, language: string): Promise<string> {
    const incident = await this.incident(incidentId);
    const [department] = await this.dataSource.query(
      `SELECT d.name AS department_name, c.name AS crew_name
         FROM incident_departments x JOIN departments d ON d.id = x.department_id LEFT JOIN crews c ON c.id = x.crew_id
        WHERE x.id = $1`,
      [incidentDepartmentId],
    );
    return escalationSms(languageOf(language), {
      code: incident.code,
      title: incident.title,
      departmentName: department.department_name,
      crewName: department.crew_name,
      minutes: this.config.INCIDENT_ACK_MINUTES,
      coordinator: `${incident.coordinator_name ?? ''} ${incident.coordinator_phone ?? ''}`.trim(),
    });
  }

  /** The coordinator's paperwork reminder. */
  async paperwork(incidentId: string, language: string): Promise<{ subject: string; text: string }> {
    const incident = await this.incident(incidentId);
    return paperworkReminder(languageOf(language), {
      code: incident.code,
      title: incident.title,
      dueAt: incident.paperwork_due_at.getTime(),
      timeZone: incident.time_zone,
    });
  }
}
