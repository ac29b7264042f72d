import type { Job } from 'bullmq';
import { JobPayloads, JOBS_BY_QUEUE, QueueName } from './jobs';

/** The handlers of one queue, one per job name, each typed by its payload. */
export type JobHandlers<Q extends QueueName> = {
  [J in keyof JobPayloads[Q]]: (job: Job<JobPayloads[Q][J]>) => Promise<unknown>;
};

/**
 * Throws at worker boot when a declared job has no handler, so a job added to the enum but
 * not to a processor fails loudly instead of sitting in Redis until it is retried to death.
 */
export function assertEveryJobHandled(registered: Partial<Record<QueueName, object>>): void {
  const missing: string[] = [];
  for (const queue of Object.values(QueueName)) {
    const handlers = (registered[queue] ?? {}) as Record<string, unknown>;
    for (const job of JOBS_BY_QUEUE[queue] as string[]) {
      if (typeof handlers[job] !== 'function') missing.push(`${queue}/${job}`);
    }
  }
  if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
}

/** Runs the handler registered for a job's name, refusing unknown names. */
export function dispatchJob<Q extends QueueName>(handlers: JobHandlers<Q>, job: Job): Promise<unknown> {
  const handler = (handlers as Record<string, (job: Job) => Promise<unknown>>)[job.name];
  if (!handler) throw new Error(`Unknown job "${job.name}" on queue ${job.queueName}`);
  return handler(job);
}
