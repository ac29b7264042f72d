import { Injectable } from '@nestjs/common';
import { ApiError, problem } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { Conflict, detectConflicts } from '@worksite/scheduling-engine';
import { ConflictDto, LocationKind, TaskStatus } from '@worksite/shared-domain';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';
import { toConflictTask } from '../mapping/engine-input';
import { iso } from '../mapping/schedule-output';
import { locationsRevision, RevisionCache, Revisioned, scheduleRevision } from '../schedule/schedule-cache';
import { ProjectNetworkService, scheduleNetwork } from '@worksite/scheduling-data-access';

/** Longest range one request may ask for, in days. */
export const MAX_CONFLICT_RANGE_DAYS = 92;
/** Days after `from` covered when `to` is not given. */
export const DEFAULT_CONFLICT_RANGE_DAYS = 14;

interface Location {
  parentId: string | null;
  name: string;
  kind: string;
}

/** What one detection found, with what its sentences need of the plan and places (all of it in the revision). */
interface Detected extends Revisioned {
  conflicts: Conflict[];
  /** Title and constraint type of every task in a conflict. */
  tasks: Map<string, { title: string; constraintType: string | null }>;
  /** Type and lag of every link in a conflict. */
  links: Map<string, { type: string; lagMinutes: number }>;
}

/** Names of the places and crews in the conflicts (not part of the plan's revision, so read each time). */
interface Names {
  locations: Map<string, string>;
  crews: Map<string, string>;
}

/** Clashes of a project's stored plan in a range of local dates. */
@Injectable()
export class ConflictsService {
  /**
   * Detections per project and range at the plan's revision: the Gantt asks on every load,
   * and a 10,000-task plan takes a few hundred ms to load and check.
   */
  private readonly cache = new RevisionCache<Detected>(16);

  constructor(private readonly networks: ProjectNetworkService) {}

  /**
   * Every conflict of the plan as stored (what crews are told) whose window overlaps the
   * local days from..to in the project's zone, involving at least one task the actor may
   * see. Dependency and constraint violations are those of the stored dates (every task
   * pinned where it is planned). Titles and crew names of the other task of a clash are
   * shown even when it is outside the actor's scope: a crew must know who else is on site.
   */
  conflicts(
    projectId: string,
    actor: Actor,
    query: { from?: string; to?: string },
    now = Date.now(),
  ): Promise<{ items: ConflictDto[] }> {
    return this.networks.read(async (manager) => {
      const project = await this.networks.visibleProject(manager, projectId, actor);
      const zone = project.timeZone;
      const from = query.from ?? localDateOf(now, zone);
      const to = query.to ?? addDays(from, DEFAULT_CONFLICT_RANGE_DAYS);
      checkRange(from, to);
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      // The plan, and the places: a building moved to another compound changes what clashes.
      const revision = `${await scheduleRevision(manager, projectId)}#${await locationsRevision(manager)}`;
      const key = `${projectId}|${from}|${to}`;
      let detected = this.cache.get(key, revision);
      if (!detected) {
        const range = {
          start: instantOf(from, '00:00', zone).getTime(),
          end: instantOf(addDays(to, 1), '00:00', zone).getTime(),
        };
        detected = await this.detect(manager, projectId, range, revision);
        this.cache.set(key, detected);
      }
      const mine = detected.conflicts.filter((conflict) => conflict.taskIds.some(visible));
      const names = await namesOf(manager, mine);
      return { items: mine.map((conflict) => conflictDto(conflict, detected, names)) };
    });
  }

  private async detect(
    manager: EntityManager,
    projectId: string,
    range: { start: number; end: number },
    revision: string,
  ): Promise<Detected> {
    const network = await this.networks.load(manager, projectId);
    const { result } = scheduleNetwork(network, 'as-planned');
    const conflicts = detectConflicts({
      tasks: network.tasks.filter((task) => task.status !== TaskStatus.Cancelled).map(toConflictTask),
      range,
      locationParents: clashParents(await locationsOf(manager, projectId)),
      calendar: network.calendar,
      violations: result.violations,
    });
    const involved = new Set(conflicts.flatMap((conflict) => conflict.taskIds));
    const linked = new Set(conflicts.flatMap((conflict) => (conflict.linkId ? [conflict.linkId] : [])));
    return {
      revision,
      conflicts,
      tasks: new Map(
        network.tasks
          .filter((task) => involved.has(task.id))
          .map((task) => [task.id, { title: task.title, constraintType: task.constraintType }]),
      ),
      links: new Map(
        network.links
          .filter((link) => linked.has(link.id))
          .map((link) => [link.id, { type: link.type, lagMinutes: link.lagMinutes }]),
      ),
    };
  }
}

function checkRange(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days < 1) {
    throw ApiError.badRequest('conflict_range_reversed', [problem('to', 'notBefore', { other: 'from' })]);
  }
  if (days > MAX_CONFLICT_RANGE_DAYS) {
    throw ApiError.badRequest({ key: 'conflict_range_too_long', params: { max: MAX_CONFLICT_RANGE_DAYS } }, [
      problem('to', 'atMostDaysAfter', { other: 'from', days: MAX_CONFLICT_RANGE_DAYS - 1 }),
    ]);
  }
}

/** The locations of the project's tasks and cuts, with every location containing them. */
async function locationsOf(manager: EntityManager, projectId: string): Promise<Map<string, Location>> {
  const rows: { id: string; parent_id: string | null; name: string; kind: string }[] = await manager.query(
    `WITH RECURSIVE up AS (
       SELECT l.id, l.parent_id, l.name, l.kind FROM locations l
        WHERE l.id IN (SELECT t.location_id FROM tasks t WHERE t.project_id = $1
                       UNION SELECT unnest(t.interruption_location_ids) FROM tasks t WHERE t.project_id = $1)
       UNION
       SELECT p.id, p.parent_id, p.name, p.kind FROM locations p JOIN up ON p.id = up.parent_id)
     SELECT id, parent_id, name, kind FROM up`,
    [projectId],
  );
  return new Map(rows.map((row) => [row.id, { parentId: row.parent_id, name: row.name, kind: row.kind }]));
}

/**
 * Containment that makes two places "the same place" for conflicts: a building and its units.
 * A compound holds many buildings where several crews work side by side, so a compound does
 * not clash with the buildings inside it (nor does a cut on a whole compound reach them here).
 */
export function clashParents(locations: Map<string, Location>): Map<string, string | null> {
  return new Map(
    [...locations].map(([id, location]) => {
      const parent = location.parentId ? locations.get(location.parentId) : undefined;
      return [id, parent && parent.kind !== LocationKind.Compound ? location.parentId : null];
    }),
  );
}

async function namesOf(manager: EntityManager, conflicts: Conflict[]): Promise<Names> {
  const ids = (pick: (conflict: Conflict) => string | undefined) => [
    ...new Set(conflicts.flatMap((conflict) => pick(conflict) ?? [])),
  ];
  const [locations, crews] = await Promise.all([
    manager.query('SELECT id, name FROM locations WHERE id = ANY($1::uuid[])', [ids((c) => c.locationId)]),
    manager.query('SELECT id, name FROM crews WHERE id = ANY($1::uuid[])', [ids((c) => c.crewId)]),
  ]);
  const byId = (rows: { id: string; name: string }[]) => new Map(rows.map((row) => [row.id, row.name]));
  return { locations: byId(locations), crews: byId(crews) };
}

function conflictDto(conflict: Conflict, detected: Detected, names: Names): ConflictDto {
  const title = (id: string) => detected.tasks.get(id)?.title ?? id;
  const locationName = conflict.locationId ? names.locations.get(conflict.locationId) : undefined;
  const crewName = conflict.crewId ? names.crews.get(conflict.crewId) : undefined;
  return {
    key: conflict.key,
    kind: conflict.kind,
    taskIds: [...conflict.taskIds],
    taskTitles: conflict.taskIds.map(title),
    start: iso(conflict.window.start),
    finish: iso(conflict.window.end),
    ...(locationName !== undefined ? { locationName } : {}),
    ...(crewName !== undefined ? { crewName } : {}),
    detail: detailOf(conflict, detected, locationName, crewName),
    ...(conflict.locationId ? { locationId: conflict.locationId } : {}),
    ...(conflict.crewId ? { crewId: conflict.crewId } : {}),
    ...(conflict.utility ? { utility: conflict.utility } : {}),
    ...(conflict.blackoutLabels ? { blackoutLabels: [...conflict.blackoutLabels] } : {}),
    ...(conflict.linkId ? { dependencyId: conflict.linkId } : {}),
  };
}

/** One English sentence; the web app words its own from `kind` and the fields. */
function detailOf(
  conflict: Conflict,
  detected: Detected,
  locationName: string | undefined,
  crewName: string | undefined,
): string {
  const [first, second] = conflict.taskIds.map((id) => `"${detected.tasks.get(id)?.title ?? id}"`);
  switch (conflict.kind) {
    case 'location-clash':
      return `${first} and ${second}: different crews at ${locationName ?? 'the same place'} at the same time.`;
    case 'crew-double-booking':
      return `${crewName ?? 'One crew'} is booked on ${first} and ${second} at the same time.`;
    case 'dependency-violation': {
      const link = conflict.linkId ? detected.links.get(conflict.linkId) : undefined;
      const kind = link ? `${link.type} dependency (lag ${link.lagMinutes} min)` : 'dependency';
      return `${second} is planned before its ${kind} on ${first} allows.`;
    }
    case 'constraint-violation': {
      return `${first} misses its ${detected.tasks.get(conflict.taskIds[0])?.constraintType ?? 'date'} constraint.`;
    }
    case 'blackout':
      return `${first} works during ${conflict.blackoutLabels?.join(', ') || 'a blackout window'}.`;
    case 'outside-working-time':
      return `${first} works outside the working windows.`;
    case 'utility-interruption':
      return `${first} cuts ${conflict.utility} while ${second} needs it.`;
  }
}
