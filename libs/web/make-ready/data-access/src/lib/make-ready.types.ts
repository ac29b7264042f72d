import { ConstraintKind, TaskReadinessDto } from '@worksite/shared-make-ready';

// The look-ahead and agency-blocks answers are typed once, in the shared lib.
export type { AgencyBlocksDto, BlockerDto, LookAheadDto, LookAheadRowDto } from '@worksite/shared-make-ready';

/** Body of POST /api/tasks/:taskId/constraints. Owner: a department or a user, or none. */
export interface NewConstraintRequest {
  kind: ConstraintKind;
  description?: string;
  ownerDepartmentId?: string;
  ownerUserId?: string;
  dueDate?: string;
}

/** Body of PATCH /api/constraints/:id (with the version read: stale → 409). */
export type ConstraintChanges = Partial<Omit<NewConstraintRequest, 'ownerDepartmentId' | 'ownerUserId'>> & {
  version: number;
  ownerDepartmentId?: string | null;
  ownerUserId?: string | null;
};

/** Filters of the look-ahead; locationId covers a compound's or building's whole subtree. */
export interface LookAheadQuery {
  weeks?: number;
  from?: string;
  departmentId?: string | null;
  crewId?: string | null;
  locationId?: string | null;
}

/** GET /api/projects/:projectId/readiness: tasks absent from the list are ready. */
export interface ReadinessDto {
  tasks: TaskReadinessDto[];
}
