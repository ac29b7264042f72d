/** Every BullMQ queue of the system. */
export enum QueueName {
  System = 'system',
}

/** Jobs of the system queue. */
export enum SystemJob {
  /** Written by every worker on a schedule so the api can tell whether workers are alive. */
  Heartbeat = 'heartbeat',
}

/** The payload type of each job, by queue and job name. */
export interface JobPayloads {
  [QueueName.System]: {
    [SystemJob.Heartbeat]: { requestedAt: string };
  };
}

/** Job names per queue, for the worker's boot check that every job has a handler. */
export const JOBS_BY_QUEUE: { [Q in QueueName]: (keyof JobPayloads[Q])[] } = {
  [QueueName.System]: [SystemJob.Heartbeat],
};

/** Redis key where workers record when they last ran a heartbeat. */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';
