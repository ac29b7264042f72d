import { Role } from '@worksite/shared-domain';
import { Actor } from './actor';
import { Resource } from './resources';

/** Which rows of a resource an actor may see: all, none, or those matching a SQL condition. */
export type ReadScope = 'all' | 'none' | { where: string; params: Record<string, unknown> };

// Subqueries in raw column names; `:crewIds`, `:departmentId`, `:projectIds`, `:actorId` are bound.
const OWN_CREW_TASKS = 'SELECT t.id FROM tasks t WHERE t.crew_id = ANY(:crewIds)';
const OWN_DEPARTMENT_TASKS = 'SELECT t.id FROM tasks t WHERE t.department_id = :departmentId';
/** Tasks directly linked (either way) to a task of the department. */
const LINKED_TO_DEPARTMENT = `
  SELECT d.successor_id FROM dependencies d JOIN tasks t ON t.id = d.predecessor_id WHERE t.department_id = :departmentId
  UNION SELECT d.predecessor_id FROM dependencies d JOIN tasks t ON t.id = d.successor_id WHERE t.department_id = :departmentId`;
/** Locations of the crews' tasks and every location containing them. */
const OWN_CREW_LOCATIONS = `
  WITH RECURSIVE up AS (
    SELECT t.location_id AS id FROM tasks t WHERE t.crew_id = ANY(:crewIds) AND t.location_id IS NOT NULL
    UNION SELECT l.parent_id FROM locations l JOIN up ON l.id = up.id WHERE l.parent_id IS NOT NULL
  ) SELECT id FROM up`;

/** Resources whose rows every signed-in user may read. */
const PUBLIC_TO_ALL = new Set([
  Resource.Department,
  Resource.Calendar,
  Resource.CalendarException,
  Resource.BlackoutWindow,
]);

/** Resources viewers do not read: crews' addresses, the audit trail, the planners' work steps. */
const PLANNERS_ONLY = new Set([Resource.CrewChannel, Resource.Audit, Resource.WorkStep]);

/**
 * The read rules, in one place. `e` is the alias of the resource's table in the query;
 * columns of `e` are written as entity properties (TypeORM maps them).
 */
export function readScope(resource: Resource, actor: Actor): ReadScope {
  if (actor.role === Role.Admin) return 'all';
  if (resource === Resource.User) return where('e.id = :actorId', actor);
  if (PUBLIC_TO_ALL.has(resource)) return 'all';
  switch (actor.role) {
    case Role.Viewer:
      return PLANNERS_ONLY.has(resource) ? 'none' : 'all';
    case Role.Coordinator:
      return coordinatorScope(resource, actor);
    case Role.Agency:
      return agencyScope(resource, actor);
    case Role.Contractor:
      return contractorScope(resource, actor);
    default:
      return 'none';
  }
}

/** Notices of the coordinator's projects (a notice lists the projects of its tasks). */
const COORDINATOR_NOTICES = 'SELECT n.id FROM notices n WHERE n.project_ids && CAST(:projectIds AS uuid[])';
const CREW_NOTICES = 'SELECT n.id FROM notices n WHERE n.crew_id = ANY(:crewIds)';

function coordinatorScope(resource: Resource, actor: Actor): ReadScope {
  switch (resource) {
    case Resource.NoticeRun:
    case Resource.NoticeEscalation:
      return where('e.projectId = ANY(:projectIds)', actor);
    case Resource.Notice:
      return where('e.projectIds && CAST(:projectIds AS uuid[])', actor);
    case Resource.Delivery:
      return where(`e.noticeId IN (${COORDINATOR_NOTICES})`, actor);
    case Resource.Project:
      return where('e.id = ANY(:projectIds)', actor);
    case Resource.Task:
    case Resource.Dependency:
    case Resource.Audit:
      return where('e.projectId = ANY(:projectIds)', actor);
    default:
      return 'all';
  }
}

function agencyScope(resource: Resource, actor: Actor): ReadScope {
  if (!actor.departmentId) return 'none';
  switch (resource) {
    case Resource.Contractor:
    case Resource.Crew:
      return where('e.departmentId = :departmentId', actor);
    case Resource.Location:
      return 'all';
    case Resource.OnCallRoster:
      return where('e.departmentId = :departmentId', actor);
    case Resource.Task:
      return where(`(e.departmentId = :departmentId OR e.id IN (${LINKED_TO_DEPARTMENT}))`, actor);
    case Resource.Dependency:
      return where(
        `(e.predecessorId IN (${OWN_DEPARTMENT_TASKS}) OR e.successorId IN (${OWN_DEPARTMENT_TASKS}))`,
        actor,
      );
    case Resource.Project:
      return where('e.id IN (SELECT t.project_id FROM tasks t WHERE t.department_id = :departmentId)', actor);
    default:
      return 'none';
  }
}

function contractorScope(resource: Resource, actor: Actor): ReadScope {
  if (actor.crewIds.length === 0) return 'none';
  switch (resource) {
    case Resource.Crew:
      return where('e.id = ANY(:crewIds)', actor);
    case Resource.CrewChannel:
      return where('e.crewId = ANY(:crewIds)', actor);
    case Resource.Contractor:
      return where('e.id IN (SELECT c.contractor_id FROM crews c WHERE c.id = ANY(:crewIds))', actor);
    case Resource.Task:
      return where('e.crewId = ANY(:crewIds)', actor);
    case Resource.Dependency:
      return where(`(e.predecessorId IN (${OWN_CREW_TASKS}) OR e.successorId IN (${OWN_CREW_TASKS}))`, actor);
    case Resource.Location:
      return where(`e.id IN (${OWN_CREW_LOCATIONS})`, actor);
    case Resource.Project:
      return where('e.id IN (SELECT t.project_id FROM tasks t WHERE t.crew_id = ANY(:crewIds))', actor);
    case Resource.Notice:
      return where('e.crewId = ANY(:crewIds)', actor);
    case Resource.Delivery:
      return where(`e.noticeId IN (${CREW_NOTICES})`, actor);
    default:
      return 'none';
  }
}

function where(condition: string, actor: Actor): ReadScope {
  return {
    where: condition,
    params: {
      actorId: actor.id,
      crewIds: actor.crewIds,
      departmentId: actor.departmentId,
      projectIds: actor.projectIds,
    },
  };
}
