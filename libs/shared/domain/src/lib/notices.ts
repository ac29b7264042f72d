/**
 * Nightly next-day notices: the states the api reports and the web app shows. Instants are
 * ISO strings in UTC; local dates are YYYY-MM-DD in the project's time zone.
 */

/** One night run of one project for one local date. */
export enum NoticeRunStatus {
  /** Created (by the scheduler, the watchdog or a coordinator); crews not fanned out yet. */
  Pending = 'pending',
  /** Fanned out: one job per crew with work on the date. */
  Running = 'running',
  /** Every crew of the run has a notice whose deliveries all ended. */
  Completed = 'completed',
  /** Triggered after the date had begun, so nothing was sent automatically. */
  Missed = 'missed',
}

/** What made a run. */
export enum NoticeRunTrigger {
  Schedule = 'schedule',
  Watchdog = 'watchdog',
  Manual = 'manual',
}

/** Why a notice revision exists. */
export enum NoticeReason {
  /** The night run's first notice to the crew for the date. */
  Initial = 'initial',
  /** The crew's plan for the date changed after a revision was sent. */
  Amendment = 'amendment',
  /** A coordinator resent it explicitly. */
  Resend = 'resend',
}

/** What a delivery carries. */
export enum DeliveryPurpose {
  Notice = 'notice',
  Reminder = 'reminder',
}

/**
 * One notice on one channel. planned → sending → sent | failed | unknown; planned → skipped.
 * `unknown`: the process stopped after the provider may have accepted it and before we
 * recorded the answer; never sent again automatically.
 */
export enum DeliveryStatus {
  Planned = 'planned',
  Sending = 'sending',
  Sent = 'sent',
  Failed = 'failed',
  Unknown = 'unknown',
  Skipped = 'skipped',
}

/** Delivery states that end a delivery. */
export const FINAL_DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  DeliveryStatus.Sent,
  DeliveryStatus.Failed,
  DeliveryStatus.Unknown,
  DeliveryStatus.Skipped,
];

/**
 * GET /api/notice-runs/schedule — the local times (HH:mm, each project's zone) of the nightly
 * notices: the run that sends the next day's notices, the evening reminder, the morning flag.
 */
export interface NoticeScheduleDto {
  sendTime: string;
  reminderTime: string;
  escalationTime: string;
}

/** GET /api/notice-runs/:id — a run with its progress and summary. */
export interface NoticeRunDto {
  id: string;
  projectId: string;
  runDate: string;
  status: NoticeRunStatus;
  trigger: NoticeRunTrigger;
  crewsTotal: number;
  crewsDone: number;
  crewsFailed: number;
  crewsSkipped: number;
  deliveriesSent: number;
  deliveriesFailed: number;
  deliveriesUnknown: number;
  /** Live counts over the run's notices (latest revision per crew). */
  acknowledged?: number;
  unacknowledged?: number;
  amendments?: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface DeliveryDto {
  id: string;
  noticeId: string;
  channelId: string | null;
  kind: string;
  purpose: DeliveryPurpose;
  /**
   * Email address or phone number; robot webhooks with their key masked. Null for readers who
   * may not see the crew's contact data (viewers, agencies).
   */
  address: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  providerResponse: unknown;
  sentAt: string | null;
  acknowledgedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One change of an amended notice against the last sent revision. */
export interface NoticeChangeDto {
  kind:
    | 'added'
    | 'cancelled'
    | 'removed'
    | 'reassigned'
    | 'moved'
    | 'time'
    | 'location'
    | 'title'
    | 'content'
    | 'materials'
    | 'tools'
    | 'safety'
    | 'interruption'
    /** A task's make-ready state changed: a constraint opened or was cleared. */
    | 'readiness'
    /** A task held back from the notice because it is not ready (project policy 'hold'). */
    | 'held'
    /** Revisions stored before the changed fields were named one by one. */
    | 'details';
  taskId: string;
  title: string;
  before?: string;
  after?: string;
}

export interface NoticeDto {
  id: string;
  runId: string | null;
  crewId: string;
  crewName: string;
  projectIds: string[];
  noticeDate: string;
  revision: number;
  reason: NoticeReason;
  language: string;
  taskCount: number;
  subject: string;
  /** The structured content as sent (see @worksite/notices-domain NoticeContent). */
  content?: unknown;
  text?: string;
  changes: NoticeChangeDto[];
  createdAt: string;
  completedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedVia: 'link' | 'session' | null;
  remindedAt: string | null;
  escalatedAt: string | null;
  deliveries?: DeliveryDto[];
}

/** A crew that had not acknowledged by the escalation time, flagged to the coordinators. */
export interface NoticeEscalationDto {
  id: string;
  projectId: string;
  crewId: string;
  crewName: string;
  noticeId: string;
  noticeDate: string;
  leaderName: string;
  /** Null also for readers who may not see the crew's contact data (viewers). */
  leaderPhone: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  coordinators: { id: string; name: string; email: string | null; phone: string | null }[];
}
