import type { ConflictDecisionDto, ConflictState } from './conflict-decisions';
import type { ConflictKind } from './conflict-kinds';

/**
 * JSON shapes the API returns and the web app reads. Instants are ISO 8601 strings in
 * UTC; local dates are YYYY-MM-DD in the project's time zone.
 */

/** One page of a list. */
export interface PageDto<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The one shape of every API error. */
export interface ApiErrorDto {
  statusCode: number;
  code: string;
  message: string;
  problems?: { field: string; messages: string[] }[];
  /** Field problems beyond the ones listed (at most 20 are). */
  moreProblems?: number;
}

export interface ProjectDto {
  id: string;
  version: number;
  code: string;
  name: string;
  description: string | null;
  timeZone: string;
  calendarId: string;
  startDate: string;
  endDate: string | null;
  coordinatorName: string | null;
  coordinatorPhone: string | null;
  /** What the nightly notice does with a task that is not ready (@worksite/shared-make-ready's NOT_READY_POLICIES). */
  notReadyPolicy: 'mark' | 'hold';
  createdAt: string;
  updatedAt: string;
}

/** A task as the API returns it. */
export interface TaskDto {
  id: string;
  version: number;
  projectId: string;
  /** Sequential number within the project (MS Project's ID), used by the predecessors notation. */
  code: number;
  title: string;
  content: string;
  departmentId: string;
  crewId: string | null;
  locationId: string | null;
  plannedStart: string;
  plannedFinish: string;
  startDate: string;
  finishDate: string;
  durationMinutes: number;
  materials: { name: string; quantity?: number; unit?: string }[];
  tools: string[];
  safetyNotes: string;
  status: string;
  progress: number;
  schedulingMode: string;
  constraintType: string | null;
  constraintAt: string | null;
  needsUtilities: string[];
  interruptionKind: string | null;
  interruptionStartsAt: string | null;
  interruptionEndsAt: string | null;
  interruptionLocationIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface DependencyDto {
  id: string;
  version: number;
  projectId: string;
  predecessorId: string;
  successorId: string;
  type: 'FS' | 'SS' | 'FF' | 'SF';
  lagMinutes: number;
}

/**
 * POST /api/dependencies — the body the api validates (its DTO implements this) and the web
 * app sends: the project follows from the tasks, so there is no projectId.
 */
export interface CreateDependencyRequest {
  predecessorId: string;
  successorId: string;
  type?: DependencyDto['type'];
  /** Working minutes; negative for a lead. */
  lagMinutes?: number;
}

/** One predecessor of a task, by id or by its code (编号) in the project: PUT /api/tasks/:id/predecessors. */
export interface PredecessorInput {
  predecessorId?: string;
  code?: number;
  type?: DependencyDto['type'];
  /** Working minutes; negative for a lead. */
  lagMinutes?: number;
}

/** PUT /api/tasks/:id/predecessors: the task's predecessors, all of them (an empty list removes every one). */
export interface ReplacePredecessorsRequest {
  predecessors: PredecessorInput[];
  /**
   * The task's incoming links as the client last read them (id and version). Given, the write
   * happens only if the stored ones are exactly these: otherwise 409 predecessors_changed and
   * nothing is written, so one planner's edit never silently undoes another's.
   */
  seen?: { id: string; version: number }[];
}

/** The answer: the task's incoming links as stored now, what changed, and the tasks the re-scheduling pushed. */
export interface ReplacePredecessorsResult {
  taskId: string;
  dependencies: DependencyDto[];
  created: number;
  updated: number;
  removed: number;
  pushed: number;
}

/** A working calendar as the scheduling engine reads it (see @worksite/scheduling-engine CalendarSpec). */
export interface CalendarSpecDto {
  timeZone: string;
  weekly: Record<number, { start: string; end: string }[]>;
  holidays: string[];
  makeUpWorkdays: string[];
  blackouts: { start: number; end: number; label: string }[];
}

/**
 * How a task enters the scheduling engine: 'automatic' (placed by its links, the project start
 * and its constraint), 'manual' (pinned at its planned dates: manual tasks, and tasks done or in
 * progress), 'excluded' (cancelled: left out of the network, its links skipped).
 */
export type ScheduledAs = 'automatic' | 'manual' | 'excluded';

/** A task with what the engine computed for it (instants as ISO strings, float in working minutes). */
export interface ScheduledTaskDto extends TaskDto {
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalFloatMinutes: number;
  freeFloatMinutes: number;
  critical: boolean;
  /** How the engine input is built from this task (an excluded task shows its planned dates and no float). */
  scheduledAs: ScheduledAs;
}

/** Something the schedule cannot honour for a pinned task, or a missed finish-no-later-than. */
export interface ScheduleViolationDto {
  taskId: string;
  /** 'dependency' or 'constraint'. */
  kind: string;
  message: string;
  /** The date the task has and the date its dependency or constraint requires (ISO instants). */
  actual: string;
  required: string;
  /** Shortfall in working minutes. */
  byMinutes: number;
  /** Dependency violations: the link and its predecessor. */
  dependencyId?: string;
  predecessorId?: string;
  /** Constraint violations: the constraint's type. */
  constraintType?: string;
}

/** GET /api/projects/:id/schedule — everything the Gantt needs, limited to what the user may see. */
export interface ProjectScheduleDto {
  project: ProjectDto;
  calendar: CalendarSpecDto;
  tasks: ScheduledTaskDto[];
  dependencies: DependencyDto[];
  criticalPath: string[];
  violations: ScheduleViolationDto[];
  /** The engine's project start (local midnight of project.startDate) and latest finish, ISO instants. */
  projectStart: string;
  projectFinish: string;
}

/** One task that moved, from where to where (ISO instants). */
export interface TaskMoveDto {
  taskId: string;
  title: string;
  from: { start: string; finish: string } | null;
  to: { start: string; finish: string } | null;
}

/** POST /api/projects/:id/recompute — the diff, and whether it was written. */
export interface RecomputeResultDto {
  applied: boolean;
  moved: TaskMoveDto[];
}

/** One step of a dependency chain, as agencies read it. */
export interface ChainItemDto {
  taskId: string;
  title: string;
  departmentId: string;
  departmentName: string;
  crewName: string | null;
  status: string;
  progress: number;
  depth: number;
  link: {
    type: 'FS' | 'SS' | 'FF' | 'SF';
    lagMinutes: number;
    driving: boolean;
    dependencyId: string;
    predecessorId: string;
    successorId: string;
    /** How far the successor is beyond what the link requires (0: driving), working minutes. */
    slackMinutes: number;
  };
  expectedStart: string;
  expectedFinish: string;
  totalFloatMinutes: number;
  critical: boolean;
  /** False when the task is outside what the user may otherwise read (only this summary is shown). */
  readable: boolean;
}

/** GET /api/tasks/:id/chain — who a task waits for and who waits for it. */
export interface TaskChainDto {
  task: ScheduledTaskDto;
  upstream: ChainItemDto[];
  downstream: ChainItemDto[];
}

/** GET /api/projects/:id/conflicts — clashes in a local date range. */
export interface ConflictDto {
  key: string;
  kind: ConflictKind;
  taskIds: string[];
  taskTitles: string[];
  start: string;
  finish: string;
  locationName?: string;
  crewName?: string;
  detail?: string;
  locationId?: string;
  crewId?: string;
  /** utility-interruption: the utility cut. */
  utility?: string;
  /** blackout: the labels of the blackout windows. */
  blackoutLabels?: string[];
  /** announcement-late: posted after the lead time, still not posted past it, or telling other times. */
  announcementTiming?: 'late' | 'missing' | 'outdated';
  /** dependency-violation: the link. */
  dependencyId?: string;
  /** Versions of `taskIds` (in order) the clash was found at: a decision is made against them. */
  taskVersions?: number[];
  /** open (also when absent), accepted, resolved or escalated: from the latest decision. */
  state?: ConflictState;
  /** The latest decision; a `reopen` one when the clash was reopened (by hand or because a task changed). */
  decision?: ConflictDecisionDto | null;
}

/** One task of the critical path. */
export interface CriticalTaskDto {
  taskId: string;
  title: string;
  departmentId: string;
  crewId: string | null;
  status: string;
  start: string;
  finish: string;
  durationMinutes: number;
  totalFloatMinutes: number;
}

/** GET /api/projects/:id/critical-path — the critical tasks ordered by start, and the project finish. */
export interface CriticalPathDto {
  projectId: string;
  projectStart: string;
  projectFinish: string;
  tasks: CriticalTaskDto[];
}
