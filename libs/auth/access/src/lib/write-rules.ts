import { mayPlanProject, Role, TaskStatus } from '@worksite/shared-domain';
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

/** Why a write is refused; undefined means allowed. */
export type WriteRefusal = { message: string; fields?: string[] } | undefined;

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
]);

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
      return { message: 'Your role may read but not change anything.' };
  }
}

function coordinatorRefusal(resource: Resource, action: WriteAction, actor: Actor, target: WriteTarget): WriteRefusal {
  if (REFERENCE_DATA.has(resource)) {
    return action === 'delete' ? { message: 'Only an administrator may delete shared reference data.' } : undefined;
  }
  if (resource === Resource.Project) {
    if (action === 'create') return undefined;
    return mayPlanProject(actor, target.projectId)
      ? undefined
      : { message: 'You coordinate other projects than this one.' };
  }
  if (resource === Resource.Task || resource === Resource.Dependency) {
    return mayPlanProject(actor, target.projectId)
      ? undefined
      : { message: 'Tasks and dependencies can only be changed in the projects you coordinate.' };
  }
  return { message: 'Only an administrator may change this.' };
}

function fieldCrewRefusal(
  resource: Resource,
  action: WriteAction,
  actor: Actor,
  target: WriteTarget,
  changedFields: string[],
): WriteRefusal {
  if (resource !== Resource.Task || action !== 'update') {
    return { message: 'Your role may only report the status and progress of your own tasks.' };
  }
  const own =
    actor.role === Role.Contractor
      ? !!target.crewId && actor.crewIds.includes(target.crewId)
      : !!target.departmentId && target.departmentId === actor.departmentId;
  if (!own) return { message: 'This task belongs to another crew or department; you may only read it.' };
  const forbidden = changedFields.filter((field) => !FIELD_CREW_TASK_FIELDS.includes(field));
  if (forbidden.length) {
    return { message: `You may change only status and progress, not ${forbidden.join(', ')}.`, fields: forbidden };
  }
  if (changedFields.includes('status') && target.status && COORDINATOR_ONLY_STATUSES.includes(target.status)) {
    return {
      message: "Cancelling a task, or reopening a cancelled one, is for the project's coordinators.",
      fields: ['status'],
    };
  }
  return undefined;
}
