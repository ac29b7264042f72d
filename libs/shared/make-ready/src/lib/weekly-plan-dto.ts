import { ReportKind, CommitmentOutcome, VarianceReason } from './variance';

/** A task as the weekly plan lists it. */
interface WeeklyTaskFacts {
  taskId: string;
  /** The task's number in its project (编号), as the task routes answer it. */
  code: number;
  name: string;
  crewId: string | null;
  departmentId: string;
  /** Instants (ISO UTC). */
  plannedStart: string;
  plannedFinish: string;
}

/** A committed task of a weekly plan, with what became of it. */
export interface CommitmentDto extends WeeklyTaskFacts {
  id: string;
  /** No open constraint at the week's start (before it: when committed). */
  madeReady: boolean;
  /** No open constraint now. */
  ready: boolean;
  outcome: CommitmentOutcome | null;
  reason: VarianceReason | null;
  note: string;
}

/** A task of the week that is not committed yet. */
export interface CandidateDto extends WeeklyTaskFacts {
  ready: boolean;
  openConstraints: number;
}

/** One project's plan for one week (Monday to Sunday, local dates of the project zone). */
export interface WeeklyPlanDto {
  projectId: string;
  weekStart: string;
  /** The week has begun in the project zone: commitments no longer change. */
  frozen: boolean;
  /** When the freeze was first recorded (ISO UTC), null before. */
  frozenAt: string | null;
  commitments: CommitmentDto[];
  candidates: CandidateDto[];
}

/** One tap of a crew lead, as the phone sends it (and queues it while offline). */
export interface CrewReportRequest {
  /** A uuid the phone makes per tap: the same key twice is applied once. */
  clientKey: string;
  taskId: string;
  kind: ReportKind;
  /** 0–100, for 'progress'. */
  progress?: number;
  /** Required for 'not_done'. */
  reason?: VarianceReason;
  note?: string;
  /** When the lead tapped (ISO), which may be long before it reached the server. */
  tappedAt: string;
}

export interface CrewReportResult {
  /** false: this key had been applied before (nothing changed now). */
  applied: boolean;
  task: { id: string; status: string; progress: number; version: number };
}

/** A tap as the server recorded it (GET /api/crew/reports): what the phone shows after a reload. */
export interface CrewReportRecord {
  taskId: string;
  kind: ReportKind;
  progress: number | null;
  reason: VarianceReason | null;
  note: string;
  tappedAt: string;
}

/** A crew's taps of one local day, oldest first. */
export interface CrewDayReportsDto {
  reports: CrewReportRecord[];
}

export interface CrewReportBatchResult {
  /** In the order sent; `error` is the message when that tap was refused (it is not retried). */
  results: { clientKey: string; applied: boolean; error?: string }[];
}

/** Committed, done and the share done of a group of commitments. */
export interface PpcFigure {
  committed: number;
  done: number;
  /** Percent plan complete, one decimal; null when nothing was committed. */
  ppc: number | null;
}

export interface PpcWeekDto extends PpcFigure {
  weekStart: string;
  /** Tasks made ready (see `tasksMadeReady`), one decimal; null when nothing was committed. */
  tmr: number | null;
}

/** PPC per week, department and crew over a range of weeks, and the reasons for variance. */
export interface PpcReportDto {
  from: string;
  to: string;
  weeks: PpcWeekDto[];
  /**
   * The weeks (Mondays) `byDepartment` and `byCrew` count: those of the range that are over (a week
   * under way has commitments not yet due). Null when none of the range's weeks is over.
   */
  groupWeeks: { from: string; to: string } | null;
  byDepartment: (PpcFigure & { departmentId: string })[];
  byCrew: (PpcFigure & { crewId: string | null })[];
  pareto: { reason: VarianceReason; count: number }[];
}
