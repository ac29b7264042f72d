/** Every BullMQ queue of the system. */
export enum QueueName {
  Notices = 'notices',
  /** Emergencies: a queue of its own, so a night run of 10,000 crews never delays a call-out. */
  Incidents = 'incidents',
}

/** Jobs of the nightly notices (see libs/notices). */
export enum NoticeJob {
  /** A project's night run for a date: creates the run row (unique) and fans out one job per crew. */
  Run = 'run',
  /** One crew of a run: compose, store, then deliver on each channel. */
  Crew = 'crew',
  /** Parent of a run's crew jobs: finalises the run's summary once every crew job ended. */
  Summary = 'summary',
  /** One delivery (amendment, resend, reminder, or one the watchdog found owed). */
  Deliver = 'deliver',
  /** One coordinator alert of the morning escalation. */
  Alert = 'alert',
  /**
   * A placeholder child of a run's summary, holding it while the crew jobs are added in
   * chunks; released (run, a no-op) when the last chunk is in, or by its own delay.
   */
  Hold = 'hold',
  /** A project's daily reminders to the owners of make-ready constraints due in 2 days and today. */
  ConstraintReminders = 'constraint-reminders',
  /** A project's 18:00 list of tomorrow's tasks that are not ready, to its coordinators. */
  NotReadyList = 'not-ready-list',
  /** One make-ready message (a reminder or a list) to one address. */
  MakeReadyMessage = 'make-ready-message',
}

/** Jobs of the emergencies (see libs/incidents). */
export enum IncidentJob {
  /** One message of an incident on one channel: a crew's call-out, a duty lead's escalation, a paperwork reminder. */
  Callout = 'callout',
}

/** What started a run job. */
export type NoticeRunJobTrigger = 'schedule' | 'watchdog' | 'manual';

/** The payload type of each job, by queue and job name. */
export interface JobPayloads {
  [QueueName.Notices]: {
    /** `date` is given by the watchdog and coordinators; scheduler jobs derive it from their fire time. */
    [NoticeJob.Run]: { projectId: string; date?: string; trigger: NoticeRunJobTrigger };
    [NoticeJob.Crew]: { runId: string; crewId: string; noticeDate: string };
    [NoticeJob.Summary]: { runId: string };
    [NoticeJob.Deliver]: { deliveryId: string };
    [NoticeJob.Alert]: { alertId: string };
    [NoticeJob.Hold]: { runId: string };
    /** `date` (the local day) is given by the watchdog; scheduler jobs derive it from their fire time. */
    [NoticeJob.ConstraintReminders]: { projectId: string; date?: string };
    /** `date` is the tasks' date (tomorrow); scheduler jobs derive it from their fire time. */
    [NoticeJob.NotReadyList]: { projectId: string; date?: string };
    [NoticeJob.MakeReadyMessage]: { messageId: string };
  };
  [QueueName.Incidents]: {
    [IncidentJob.Callout]: { calloutId: string };
  };
}

/** Job names per queue, for the worker's boot check that every job has a handler. */
export const JOBS_BY_QUEUE: { [Q in QueueName]: (keyof JobPayloads[Q])[] } = {
  [QueueName.Notices]: [
    NoticeJob.Run,
    NoticeJob.Crew,
    NoticeJob.Summary,
    NoticeJob.Deliver,
    NoticeJob.Alert,
    NoticeJob.Hold,
    NoticeJob.ConstraintReminders,
    NoticeJob.NotReadyList,
    NoticeJob.MakeReadyMessage,
  ],
  [QueueName.Incidents]: [IncidentJob.Callout],
};

/**
 * Redis key where every worker writes, every few seconds, that it is alive (WorkerHeartbeat,
 * on a timer of its own: it needs nothing in Redis to keep going, so it is back as soon as
 * Redis is, even one that lost its data). The api reports it in /api/health.
 */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';
