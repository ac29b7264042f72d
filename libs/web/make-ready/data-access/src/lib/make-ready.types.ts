import { ConstraintKind, MakeReadyConstraintDto, TaskReadinessDto } from '@worksite/shared-make-ready';

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

/** A task as the look-ahead and the agency view list it. */
export interface MakeReadyTaskRef {
  id: string;
  code: number;
  name: string;
  plannedStart: string;
  plannedFinish: string;
  departmentId: string;
  crewId: string | null;
  locationId: string | null;
  status: string;
}

/** One task of the look-ahead with its constraints. */
export interface LookAheadRowDto {
  task: MakeReadyTaskRef;
  ready: boolean;
  constraints: MakeReadyConstraintDto[];
}

/** GET /api/projects/:projectId/look-ahead. */
export interface LookAheadDto {
  projectId: string;
  from: string;
  to: string;
  weeks: number;
  rows: LookAheadRowDto[];
  counts: { ready: number; notReady: number };
}

/** Filters of the look-ahead; locationId covers a compound's or building's whole subtree. */
export interface LookAheadQuery {
  weeks?: number;
  from?: string;
  departmentId?: string | null;
  crewId?: string | null;
  locationId?: string | null;
}

/** An open constraint upstream of (or on) an agency's task. */
export interface AgencyBlockerDto {
  constraint: MakeReadyConstraintDto;
  onTask: { id: string; code: number; name: string; departmentId: string };
}

/** GET /api/agency/blocks: the department's tasks with at least one blocker. */
export interface AgencyBlocksDto {
  departmentId: string;
  rows: { task: MakeReadyTaskRef; blockers: AgencyBlockerDto[] }[];
}

/** GET /api/projects/:projectId/readiness: tasks absent from the list are ready. */
export interface ReadinessDto {
  tasks: TaskReadinessDto[];
}

/** A user who may own a constraint (GET /api/users answers what the caller may see). */
export interface OwnerUserRef {
  id: string;
  displayName: string;
}
