import type { CommitmentOutcome, ReportKind, VarianceReason } from '@worksite/shared-make-ready';

/** The weekly plan and crew-tap shapes of the make-ready contract (issue 15), as the web app reads them. */
interface WeekTaskRef {
  taskId: string;
  code: number;
  name: string;
  crewId: string | null;
  departmentId: string;
  plannedStart: string;
  plannedFinish: string;
}

export interface CommitmentDto extends WeekTaskRef {
  id: string;
  madeReady: boolean;
  ready: boolean;
  outcome: CommitmentOutcome | null;
  reason: VarianceReason | null;
  note: string;
}

export interface CandidateDto extends WeekTaskRef {
  ready: boolean;
  openConstraints: number;
}

export interface WeeklyPlanDto {
  projectId: string;
  weekStart: string;
  frozen: boolean;
  frozenAt: string | null;
  commitments: CommitmentDto[];
  candidates: CandidateDto[];
}

/** One tap of the crew lead, as queued on the phone and sent to POST /api/crew/reports. */
export interface CrewReportRequest {
  clientKey: string;
  taskId: string;
  kind: ReportKind;
  progress?: number;
  reason?: VarianceReason;
  note?: string;
  tappedAt: string;
}

export interface CrewReportResult {
  applied: boolean;
  task: { id: string; status: string; progress: number; version: number };
}

export interface CrewReportBatchResult {
  results: { clientKey: string; applied: boolean; error?: string }[];
}

export interface PpcWeekDto {
  weekStart: string;
  committed: number;
  done: number;
  ppc: number | null;
  tmr: number | null;
}

export interface PpcReportDto {
  weeks: PpcWeekDto[];
  byDepartment: { departmentId: string; committed: number; done: number; ppc: number | null }[];
  byCrew: { crewId: string; committed: number; done: number; ppc: number | null }[];
  pareto: { reason: VarianceReason; count: number }[];
}
