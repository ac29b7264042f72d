import { loadSite } from './incident-site';
import { IncidentResidentContext } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';

/** What residents need to know about an incident (the announcements hook's argument). */
export async function residentContext(manager: EntityManager, incidentId: string): Promise<IncidentResidentContext> {
  const [incident] = await manager.query(
    `SELECT i.id, i.code, i.kind, i.title, i.reported_at, i.location_id, i.access_notes, p.coordinator_name, p.coordinator_phone
       FROM incidents i JOIN projects p ON p.id = i.project_id WHERE i.id = $1`,
    [incidentId],
  );
  const cuts = await manager.query(
    `SELECT t.id, t.interruption_kind, t.interruption_starts_at, t.interruption_ends_at, t.interruption_location_ids
       FROM incident_tasks it JOIN tasks t ON t.id = it.task_id
      WHERE it.incident_id = $1 AND t.interruption_kind IS NOT NULL ORDER BY t.planned_start`,
    [incidentId],
  );
  const departments = await manager.query(
    `SELECT d.name FROM incident_departments x JOIN departments d ON d.id = x.department_id WHERE x.incident_id = $1 ORDER BY d.name`,
    [incidentId],
  );
  return {
    incidentId,
    code: incident.code,
    kind: incident.kind,
    title: incident.title,
    reportedAt: incident.reported_at.toISOString(),
    site: await loadSite(manager, incident.location_id, incident.access_notes),
    interruptions: cuts.map((cut: Record<string, never>) => ({
      kind: cut['interruption_kind'],
      taskId: cut['id'],
      startsAt: (cut['interruption_starts_at'] as Date).toISOString(),
      endsAt: (cut['interruption_ends_at'] as Date).toISOString(),
      locationIds: cut['interruption_location_ids'],
    })),
    departmentNames: departments.map((row: { name: string }) => row.name),
    coordinatorName: incident.coordinator_name ?? '',
    coordinatorPhone: incident.coordinator_phone ?? null,
  };
}
