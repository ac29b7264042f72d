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
  createdAt: string;
  updatedAt: string;
}

/** A task as the API returns it. */
export interface TaskDto {
  id: string;
  version: number;
  projectId: string;
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

/** A working calendar as the scheduling engine reads it (see @worksite/scheduling-engine CalendarSpec). */
export interface CalendarSpecDto {
  timeZone: string;
  weekly: Record<number, { start: string; end: string }[]>;
  holidays: string[];
  makeUpWorkdays: string[];
  blackouts: { start: number; end: number; label: string }[];
}

/** A task with what the engine computed for it (instants as ISO strings, float in working minutes). */
export interface ScheduledTaskDto extends TaskDto {
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalFloatMinutes: number;
  freeFloatMinutes: number;
  critical: boolean;
}

/** GET /api/projects/:id/schedule — everything the Gantt needs, limited to what the user may see. */
export interface ProjectScheduleDto {
  project: ProjectDto;
  calendar: CalendarSpecDto;
  tasks: ScheduledTaskDto[];
  dependencies: DependencyDto[];
  criticalPath: string[];
  violations: { taskId: string; kind: string; message: string }[];
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
  link: { type: 'FS' | 'SS' | 'FF' | 'SF'; lagMinutes: number; driving: boolean };
  expectedStart: string;
  expectedFinish: string;
  totalFloatMinutes: number;
  critical: boolean;
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
  kind:
    | 'location-clash'
    | 'crew-double-booking'
    | 'dependency-violation'
    | 'constraint-violation'
    | 'blackout'
    | 'outside-working-time'
    | 'utility-interruption';
  taskIds: string[];
  taskTitles: string[];
  start: string;
  finish: string;
  locationName?: string;
  crewName?: string;
  detail?: string;
}
