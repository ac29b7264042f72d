import { mayPlanProject, Role, TaskStatus } from '@worksite/shared-domain';
import { TextRef } from '@worksite/shared-i18n';
import { Actor } from './actor';
import { Resource, WriteAction } from './resources';

/** The facts a write rule needs about the row being written (as it is, or as it will be). */
export interface WriteTarget {
  projectId?: string | null;
  crewId?: string | null;
  departmentId?: string | null;
  /** Tasks: the status (as it is, or as the write would set it). */
  status?: string | null;
}

/** Why a write is refused (a message of @worksite/shared-i18n); undefined means allowed. */
export type WriteRefusal = { message: TextRef; fields?: string[] } | undefined;

/** Reference data coordinators maintain for their projects (but only admins delete). */
const REFERENCE_DATA = new Set([
  Resource.Department,
  Resource.Contractor,
  Resource.Crew,
  Resource.CrewChannel,
  Resource.Location,
  Resource.Calendar,
  Resource.CalendarException,
  Resource.BlackoutWindow,
  Resource.OnCallRoster,
  Resource.WorkStep,
  Resource.LocationRobot,
]);

/** Records of planning a project besides its tasks and links: decisions on clashes, baselines. */
const PLANNING_RECORDS = new Set([Resource.ConflictDecision, Resource.Baseline, Resource.Announcement]);

/** Fields contractors and agencies may change on their own tasks. */
export const FIELD_CREW_TASK_FIELDS = ['status', 'progress'];

/**
 * Crews and agencies report how their work goes (started, progress, done, blocked); whether a
 * task happens at all is the coordinators' call: they cancel it, and reopen a cancelled one.
 */
const COORDINATOR_ONLY_STATUSES: string[] = [TaskStatus.Cancelled];

/**
 * The write rules, in one place. Called after the row was found visible (else 404), with
 * the fields a request changes; a refusal becomes a 403 naming the reason. A task's status
 * change is checked twice: against the task as it is and as the write would leave it.
 */
export function writeRefusal(
  resource: Resource,
  action: WriteAction,
  actor: Actor,
  target: WriteTarget,
  changedFields: string[] = [],
): WriteRefusal {
  switch (actor.role) {
    case Role.Admin:
      return undefined;
    case Role.Coordinator:
      return coordinatorRefusal(resource, action, actor, target);
    case Role.Contractor:
    case Role.Agency:
      return fieldCrewRefusal(resource, action, actor, target, changedFields);
    default:
      return { message: 'role_read_only' };
  }
}

function coordinatorRefusal(resource: Resource, action: WriteAction, actor: Actor, target: WriteTarget): WriteRefusal {
  if (REFERENCE_DATA.has(resource)) {
    return action === 'delete' ? { message: 'reference_delete_admin_only' } : undefined;
  }
  if (resource === Resource.Project) {
    if (action === 'create') return undefined;
    return mayPlanProject(actor, target.projectId) ? undefined : { message: 'coordinate_other_projects' };
  }
  if (resource === Resource.Task || resource === Resource.Dependency) {
    return mayPlanProject(actor, target.projectId) ? undefined : { message: 'plan_only_own_projects' };
  }
  if (PLANNING_RECORDS.has(resource)) {
    return mayPlanProject(actor, target.projectId) ? undefined : { message: 'decide_only_own_projects' };
  }
  return { message: 'admin_only' };
}

function fieldCrewRefusal(
  resource: Resource,
  action: WriteAction,
  actor: Actor,
  target: WriteTarget,
  changedFields: string[],
): WriteRefusal {
  if (resource !== Resource.Task || action !== 'update') {
    return { message: 'field_crew_report_only' };
  }
  const own =
    actor.role === Role.Contractor
      ? !!target.crewId && actor.crewIds.includes(target.crewId)
      : !!target.departmentId && target.departmentId === actor.departmentId;
  if (!own) return { message: 'task_of_other_crew' };
  const forbidden = changedFields.filter((field) => !FIELD_CREW_TASK_FIELDS.includes(field));
  if (forbidden.length) {
    return { message: { key: 'only_status_progress', params: { fields: forbidden } }, fields: forbidden };
  }
  if (changedFields.includes('status') && target.status && COORDINATOR_ONLY_STATUSES.includes(target.status)) {
    return { message: 'cancel_coordinators_only', fields: ['status'] };
  }
  return undefined;
}
