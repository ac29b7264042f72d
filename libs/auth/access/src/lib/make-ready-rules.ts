import { mayPlanProject, Role } from '@worksite/shared-domain';
import { Actor } from './actor';
import { WriteRefusal } from './write-rules';

/** Who owns a constraint: a department, or a user (or nobody yet). */
export interface ConstraintOwner {
  ownerDepartmentId: string | null;
  ownerUserId: string | null;
}

/** The constraint's owner: the owner user, or an agency user of the owner department. */
export function ownsConstraint(actor: Actor, owner: ConstraintOwner): boolean {
  if (owner.ownerUserId && owner.ownerUserId === actor.id) return true;
  return actor.role === Role.Agency && !!owner.ownerDepartmentId && owner.ownerDepartmentId === actor.departmentId;
}

/** Adding, changing and deleting make-ready constraints: the project's planners (coordinators, admins). */
export function constraintPlanRefusal(actor: Actor, projectId: string): WriteRefusal {
  return mayPlanProject(actor, projectId) ? undefined : { message: 'make_ready_planners_only' };
}

/** Clearing and reopening a constraint: the project's planners, or its owner. */
export function constraintClearRefusal(actor: Actor, projectId: string, owner: ConstraintOwner): WriteRefusal {
  return mayPlanProject(actor, projectId) || ownsConstraint(actor, owner)
    ? undefined
    : { message: 'make_ready_clear_planner_or_owner' };
}
