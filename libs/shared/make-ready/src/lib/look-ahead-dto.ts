import { MakeReadyConstraintDto } from './make-ready-dto';

/** A task as the look-ahead and the agency's blocks list it. */
export interface LookAheadTaskDto {
  id: string;
  code: number;
  name: string;
  /** Instants (ISO UTC). */
  plannedStart: string;
  plannedFinish: string;
  departmentId: string;
  crewId: string | null;
  locationId: string | null;
  status: string;
}

/** One task of the look-ahead with its constraints (open and cleared). */
export interface LookAheadRowDto {
  task: LookAheadTaskDto;
  ready: boolean;
  constraints: MakeReadyConstraintDto[];
}

/** The tasks of the coming weeks by readiness (GET /api/projects/:id/look-ahead). */
export interface LookAheadDto {
  projectId: string;
  /** First and last local day of the window (included). */
  from: string;
  to: string;
  weeks: number;
  /** Sorted by planned start. */
  rows: LookAheadRowDto[];
  counts: { ready: number; notReady: number };
}

/**
 * An open constraint holding back some of a department's tasks: on one of them or on a task
 * upstream of them. Listed once, however many tasks wait for it.
 */
export interface BlockerDto {
  constraint: MakeReadyConstraintDto;
  /** The task the constraint sits on (named even in another department). */
  onTask: { id: string; code: number; name: string; departmentId: string };
  /** The department's tasks it holds back (onTask itself when it is one of them), by planned start. */
  tasks: LookAheadTaskDto[];
}

/**
 * "What blocks my tasks" (GET /api/agency/blocks): the open constraints holding back the
 * department's coming tasks, by the first task each holds back, then by due date.
 */
export interface AgencyBlocksDto {
  departmentId: string;
  rows: BlockerDto[];
}
