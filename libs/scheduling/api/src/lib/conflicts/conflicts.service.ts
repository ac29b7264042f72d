import { Injectable } from '@nestjs/common';
import { ApiError, problem } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { clashParents, compareConflicts, Conflict, detectConflicts, PlaceNode } from '@worksite/scheduling-engine';
import { ConflictDecisionEntity } from '@worksite/server-data-access';
import { ConflictDto, conflictFingerprint, stateAfter, TaskStatus } from '@worksite/shared-domain';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';
import { decisionDto, DecisionEdit } from '../decisions/decision-rules';
import { DecisionStore } from '../decisions/decision-store';
import { toConflictTask } from '../mapping/engine-input';
import { iso } from '../mapping/schedule-output';
import { locationsRevision, RevisionCache, Revisioned, scheduleRevision } from '../schedule/schedule-cache';
import { ProjectNetworkService, scheduleNetwork } from '@worksite/scheduling-data-access';
import { AppConfig } from '@worksite/server-config';
import { LeadDays, leadDaysOf } from '@worksite/shared-announcements';
import { AnnouncementClashes, announcementClashes } from './announcement-clashes';

/** Longest range one request may ask for, in days. */
export const MAX_CONFLICT_RANGE_DAYS = 92;
/** Days after `from` covered when `to` is not given. */
export const DEFAULT_CONFLICT_RANGE_DAYS = 14;

interface Location extends PlaceNode {
  name: string;
}

/** What one detection found, with what its sentences need of the plan and places (all of it in the revision). */
export interface DetectedConflicts extends Revisioned {
  conflicts: Conflict[];
  /** Title, constraint type, version and clash fingerprint of every task in a conflict. */
  tasks: Map<string, { title: string; constraintType: string | null; version: number; fingerprint: string }>;
  /** Type and lag of every link in a conflict. */
  links: Map<string, { type: string; lagMinutes: number }>;
  /** announcement-late: late, missing or outdated, per task. */
  timings?: Map<string, string>;
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
  private readonly cache = new RevisionCache<DetectedConflicts>(16);

  private readonly leadDays: LeadDays;

  constructor(
    private readonly networks: ProjectNetworkService,
    private readonly decisions: DecisionStore,
    config: AppConfig,
  ) {
    this.leadDays = leadDaysOf(config.ANNOUNCE_LEAD_DAYS);
  }

  /**
   * Every conflict of the plan as stored (what crews are told) whose window overlaps the
   * local days from..to in the project's zone, involving at least one task the actor may
   * see. Dependency and constraint violations are those of the stored dates (every task
   * pinned where it is planned). Titles and crew names of the other task of a clash are
   * shown even when it is outside the actor's scope: a crew must know who else is on site.
   * Each clash carries its state from the latest decision on it, merged after the cache (a
   * decision shows at once); decisions whose tasks changed since are reopened first.
   */
  async conflicts(
    projectId: string,
    actor: Actor,
    query: { from?: string; to?: string },
    now = Date.now(),
  ): Promise<{ items: ConflictDto[] }> {
    const { mine, detected, names } = await this.networks.read(async (manager) => {
      const project = await this.networks.visibleProject(manager, projectId, actor);
      const zone = project.timeZone;
      const from = query.from ?? localDateOf(now, zone);
      const to = query.to ?? addDays(from, DEFAULT_CONFLICT_RANGE_DAYS);
      checkRange(from, to);
      const visible = await this.networks.taskVisibility(manager, projectId, actor);
      // The plan, and the places: a building moved to another compound changes what clashes.
      const revision = `${await scheduleRevision(manager, projectId)}#${await locationsRevision(manager)}`;
      const range = {
        start: instantOf(from, '00:00', zone).getTime(),
        end: instantOf(addDays(to, 1), '00:00', zone).getTime(),
      };
      const cached = await this.cached(manager, projectId, `${projectId}|${from}|${to}`, revision, () => range);
      const detected = withAnnouncements(
        cached,
        await announcementClashes(manager, projectId, this.leadDays, now, range),
      );
      const mine = detected.conflicts.filter((conflict) => conflict.taskIds.some(visible));
      return { mine, detected, names: await namesOf(manager, mine) };
    });
    const { latest, edits } = await this.networks.write(async (manager) => {
      const current = await this.decisions.current(
        manager,
        projectId,
        mine.map((conflict) => conflict.key),
      );
      return { latest: current, edits: await this.decisions.edits(manager, [...current.values()]) };
    });
    return { items: mine.map((conflict) => conflictDto(conflict, detected, names, latest.get(conflict.key), edits)) };
  }

  /**
   * Every clash of the whole project as stored (any date), at the plan's revision: what a
   * decision is checked against. Runs in the caller's transaction.
   */
  async wholeProject(manager: EntityManager, projectId: string, now = Date.now()): Promise<DetectedConflicts> {
    const revision = `${await scheduleRevision(manager, projectId)}#${await locationsRevision(manager)}`;
    const cached = await this.cached(manager, projectId, `${projectId}|*`, revision, async () => {
      const [span] = await manager.query(
        `SELECT coalesce(min(planned_start), now()) AS start, coalesce(max(planned_finish), now()) AS end
           FROM tasks WHERE project_id = $1`,
        [projectId],
      );
      return { start: new Date(span.start).getTime(), end: new Date(span.end).getTime() + 1 };
    });
    const every = { start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };
    return withAnnouncements(cached, await announcementClashes(manager, projectId, this.leadDays, now, every));
  }

  private async cached(
    manager: EntityManager,
    projectId: string,
    key: string,
    revision: string,
    range: () => { start: number; end: number } | Promise<{ start: number; end: number }>,
  ): Promise<DetectedConflicts> {
    let detected = this.cache.get(key, revision);
    if (!detected) {
      detected = await this.detect(manager, projectId, await range(), revision);
      this.cache.set(key, detected);
    }
    return detected;
  }

  private async detect(
    manager: EntityManager,
    projectId: string,
    range: { start: number; end: number },
    revision: string,
  ): Promise<DetectedConflicts> {
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
          .map((task) => [
            task.id,
            {
              title: task.title,
              constraintType: task.constraintType,
              version: task.version,
              fingerprint: conflictFingerprint(task),
            },
          ]),
      ),
      links: new Map(
        network.links
          .filter((link) => linked.has(link.id))
          .map((link) => [link.id, { type: link.type, lagMinutes: link.lagMinutes }]),
      ),
    };
  }
}

/** The cached detection with the announcement clashes of now added (a new object: the cache keeps its own). */
function withAnnouncements(detected: DetectedConflicts, late: AnnouncementClashes): DetectedConflicts {
  if (!late.conflicts.length) return detected;
  return {
    ...detected,
    conflicts: [...detected.conflicts, ...late.conflicts].sort(compareConflicts),
    tasks: new Map([...detected.tasks, ...late.tasks]),
    timings: late.timings,
  };
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
  const rows: { id: string; parent_id: string | null; name: string; kind: Location['kind'] }[] = await manager.query(
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

function conflictDto(
  conflict: Conflict,
  detected: DetectedConflicts,
  names: Names,
  decision: ConflictDecisionEntity | undefined,
  edits: ReadonlyMap<string, DecisionEdit>,
): ConflictDto {
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
    ...(conflict.kind === 'announcement-late'
      ? { announcementTiming: detected.timings?.get(conflict.taskIds[0]) as ConflictDto['announcementTiming'] }
      : {}),
    taskVersions: conflict.taskIds.map((id) => detected.tasks.get(id)?.version ?? 0),
    state: decision ? stateAfter(decision.action) : 'open',
    decision: decision ? decisionDto(decision, decision.auditEntryId ? edits.get(decision.auditEntryId) : null) : null,
  };
}

/** One English sentence; the web app words its own from `kind` and the fields. */
function detailOf(
  conflict: Conflict,
  detected: DetectedConflicts,
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
    case 'announcement-late': {
      const timing = detected.timings?.get(conflict.taskIds[0]) ?? 'late';
      return `${first} cuts ${conflict.utility}: its residents' announcement is ${timing}.`;
    }
  }
}
