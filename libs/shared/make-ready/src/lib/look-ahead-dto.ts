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

/** An open constraint blocking a task: on the task itself or on one upstream of it. */
export interface BlockerDto {
  constraint: MakeReadyConstraintDto;
  onTask: { id: string; code: number; name: string; departmentId: string };
}

/** "What blocks my tasks" (GET /api/agency/blocks): the department's tasks with at least one blocker. */
export interface AgencyBlocksDto {
  departmentId: string;
  rows: { task: LookAheadTaskDto; blockers: BlockerDto[] }[];
}
