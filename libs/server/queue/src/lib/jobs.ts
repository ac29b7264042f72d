/** Every BullMQ queue of the system. */
export enum QueueName {
  System = 'system',
  Notices = 'notices',
}

/** Jobs of the system queue. */
export enum SystemJob {
  /** Written by every worker on a schedule so the api can tell whether workers are alive. */
  Heartbeat = 'heartbeat',
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
}

/** What started a run job. */
export type NoticeRunJobTrigger = 'schedule' | 'watchdog' | 'manual';

/** The payload type of each job, by queue and job name. */
export interface JobPayloads {
  [QueueName.System]: {
    [SystemJob.Heartbeat]: { requestedAt: string };
  };
  [QueueName.Notices]: {
    /** `date` is given by the watchdog and coordinators; scheduler jobs derive it from their fire time. */
    [NoticeJob.Run]: { projectId: string; date?: string; trigger: NoticeRunJobTrigger };
    [NoticeJob.Crew]: { runId: string; crewId: string; noticeDate: string };
    [NoticeJob.Summary]: { runId: string };
    [NoticeJob.Deliver]: { deliveryId: string };
    [NoticeJob.Alert]: { alertId: string };
    [NoticeJob.Hold]: { runId: string };
  };
}

/** Job names per queue, for the worker's boot check that every job has a handler. */
export const JOBS_BY_QUEUE: { [Q in QueueName]: (keyof JobPayloads[Q])[] } = {
  [QueueName.System]: [SystemJob.Heartbeat],
  [QueueName.Notices]: [
    NoticeJob.Run,
    NoticeJob.Crew,
    NoticeJob.Summary,
    NoticeJob.Deliver,
    NoticeJob.Alert,
    NoticeJob.Hold,
  ],
};

/** Redis key where workers record when they last ran a heartbeat. */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';
