import { queryRows } from '@worksite/notices-data-access';
import { addDays, dayRange, localDateOf } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';

/**
 * Planned work of other projects, from now to the end of tomorrow (local), that the incident
 * upsets: tasks of the called-out crews (same crew), and tasks at the incident's building or
 * inside it, or at a location containing the incident's (same location). Stored once per
 * (incident, task, reason); returns how many were flagged.
 */
export async function flagClashes(
  manager: EntityManager,
  incident: {
    id: string;
    projectId: string;
    locationId: string;
    clashLocationId: string;
    crewIds: string[];
    now: Date;
    timeZone: string;
  },
): Promise<number> {
  const until = dayRange(addDays(localDateOf(incident.now.getTime(), incident.timeZone), 1), incident.timeZone).end;
  const rows = await queryRows(
    manager,
    `WITH RECURSIVE inside AS (
         SELECT id FROM locations WHERE id = $4
         UNION SELECT l.id FROM locations l JOIN inside ON l.parent_id = inside.id),
       around AS (
         SELECT id, parent_id FROM locations WHERE id = $3
         UNION SELECT l.id, l.parent_id FROM locations l JOIN around ON l.id = around.parent_id),
       found AS (
         SELECT t.id, 'same-crew' AS reason FROM tasks t
          WHERE t.crew_id = ANY($5::uuid[]) AND t.project_id <> $2
            AND t.planned_finish > $6 AND t.planned_start < $7 AND t.status NOT IN ('done', 'cancelled')
         UNION
         SELECT t.id, 'same-location' FROM tasks t
          WHERE (t.location_id IN (SELECT id FROM inside) OR t.location_id IN (SELECT id FROM around))
            AND t.project_id <> $2
            AND t.planned_finish > $6 AND t.planned_start < $7 AND t.status NOT IN ('done', 'cancelled'))
     INSERT INTO incident_clashes (incident_id, task_id, reason)
     SELECT $1, id, reason FROM found ON CONFLICT DO NOTHING RETURNING task_id`,
    [
      incident.id,
      incident.projectId,
      incident.locationId,
      incident.clashLocationId,
      incident.crewIds,
      incident.now,
      until,
    ],
  );
  return rows.length;
}
