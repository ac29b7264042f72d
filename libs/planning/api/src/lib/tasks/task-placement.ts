import { ConstraintType, SchedulingMode } from '@worksite/shared-domain';

/** What a create or update request says about where a task goes. */
export interface PlacementRequest {
  plannedStart?: string;
  schedulingMode?: SchedulingMode;
  constraintType?: ConstraintType | null;
  constraintAt?: string | null;
}

/**
 * The constraint an automatic task gets when a request places it (on create, or with a new
 * plannedStart): start no earlier than that start, replacing its constraint, unless the
 * request sets the constraint itself. The scheduling engine's move-task does the same (and
 * so does dragging a bar in the Gantt): the engine then keeps the task where it was put unless
 * its dependencies demand later, instead of pulling it back to the project start on the next
 * recompute. Manual tasks are pinned anyway and get nothing.
 */
export function placementConstraint(
  request: PlacementRequest,
  current?: { plannedStart: Date; schedulingMode: SchedulingMode },
): { constraintType: ConstraintType; constraintAt: Date } | undefined {
  if (request.plannedStart === undefined) return undefined;
  if (request.constraintType !== undefined || request.constraintAt !== undefined) return undefined;
  const mode = request.schedulingMode ?? current?.schedulingMode ?? SchedulingMode.Automatic;
  if (mode !== SchedulingMode.Automatic) return undefined;
  const start = Date.parse(request.plannedStart);
  if (current && current.plannedStart.getTime() === start) return undefined;
  return { constraintType: ConstraintType.StartNoEarlierThan, constraintAt: new Date(start) };
}
