/** A saved copy of a project's plan (each task's planned dates), to measure slips against. */
export interface BaselineDto {
  id: string;
  projectId: string;
  name: string;
  /** Null when saved by the system. */
  createdById: string | null;
  createdByName: string;
  createdAt: string;
  /** Tasks in the snapshot (all of the project's tasks when it was saved). */
  taskCount: number;
}

/** One task as a baseline has it. */
export interface BaselineTaskDto {
  taskId: string;
  title: string;
  plannedStart: string;
  plannedFinish: string;
  /** Working minutes of the project calendar. */
  durationMinutes: number;
}

/** GET /api/projects/:id/baselines/:bid — the baseline with the tasks the user may see. */
export interface BaselineDetailDto extends BaselineDto {
  tasks: BaselineTaskDto[];
}

/** A task's dates on one side of a comparison; null when the task is not on that side. */
export type BaselineSideDto = Omit<BaselineTaskDto, 'taskId' | 'title'> | null;

/** A task whose dates differ between two baselines (or a baseline and the current plan). */
export interface BaselineDifferenceDto {
  taskId: string;
  title: string;
  before: BaselineSideDto;
  after: BaselineSideDto;
  /** Working days (project calendar) the start moved later (negative: earlier); null when on one side only. */
  startSlipDays: number | null;
  /** Working days the finish moved later (negative: earlier); null when on one side only. */
  finishSlipDays: number | null;
}

/** GET /api/projects/:id/baselines/:bid/compare?with=<bid|current> */
export interface BaselineComparisonDto {
  baseline: BaselineDto;
  /** The other baseline, or null for the current plan. */
  with: BaselineDto | null;
  /** Tasks whose dates differ, largest finish slip first. */
  items: BaselineDifferenceDto[];
  /** Tasks on both sides with the same dates. */
  unchanged: number;
}
