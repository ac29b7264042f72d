import { mayPlanProject } from '@worksite/shared-domain';
import { ConstraintOwner, mayClearConstraint } from '@worksite/shared-make-ready';
import { Actor } from './actor';
import { WriteRefusal } from './write-rules';

/** Adding, changing and deleting make-ready constraints: the project's planners (coordinators, admins). */
export function constraintPlanRefusal(actor: Actor, projectId: string): WriteRefusal {
  return mayPlanProject(actor, projectId) ? undefined : { message: 'make_ready_planners_only' };
}

/** Clearing and reopening a constraint: the project's planners, or its owner. */
export function constraintClearRefusal(actor: Actor, projectId: string, owner: ConstraintOwner): WriteRefusal {
  return mayClearConstraint(actor, projectId, owner) ? undefined : { message: 'make_ready_clear_planner_or_owner' };
}
