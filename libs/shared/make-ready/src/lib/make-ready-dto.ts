import { ConstraintKind, ConstraintStatus } from './constraints';

/** A constraint as the api answers it. Owner: a department, or a user (one of the two). */
export interface MakeReadyConstraintDto {
  id: string;
  projectId: string;
  taskId: string;
  kind: ConstraintKind;
  /** Free text: the permit's number, which materials, which escort. */
  description: string;
  ownerDepartmentId: string | null;
  ownerUserId: string | null;
  /** The owner's display name (department or user), for lists. */
  ownerName: string | null;
  /** Local date by which it must be cleared. */
  dueDate: string | null;
  status: ConstraintStatus;
  clearedAt: string | null;
  clearedByName: string | null;
  /** For 'residents_told': the task's resident announcement, when there is one. */
  announcementId: string | null;
  version: number;
  createdAt: string;
}

/** A task's readiness, as the Gantt, the table and the day plan show it. */
export interface TaskReadinessDto {
  taskId: string;
  ready: boolean;
  openConstraints: number;
  /** Earliest due date among the open constraints. */
  nextDue: string | null;
  /** The open constraints themselves, on a task that is not ready, when asked (`constraints=open`). */
  constraints?: MakeReadyConstraintDto[];
}

/** Someone a planner may name as a constraint's owner in a project (GET projects/:id/constraint-owners). */
export interface ConstraintOwnerCandidate {
  id: string;
  displayName: string;
  role: 'admin' | 'coordinator' | 'agency' | 'contractor' | 'viewer';
  /** A crew lead's crews that work in the project. */
  crews: string[];
  /** An agency user's department. */
  departmentName: string | null;
}
