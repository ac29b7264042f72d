import { mayPlanProject, Role } from '@worksite/shared-domain';
import { Actor } from './actor';
import { Resource, WriteAction } from './resources';

/** The facts a write rule needs about the row being written (as it is, or as it will be). */
export interface WriteTarget {
  projectId?: string | null;
  crewId?: string | null;
  departmentId?: string | null;
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
 * The write rules, in one place. Called after the row was found visible (else 404), with
 * the fields a request changes; a refusal becomes a 403 naming the reason.
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
  return forbidden.length
    ? { message: `You may change only status and progress, not ${forbidden.join(', ')}.`, fields: forbidden }
    : undefined;
}
