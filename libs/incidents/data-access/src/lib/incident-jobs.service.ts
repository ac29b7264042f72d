import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { IncidentJob, QueueName } from '@worksite/server-queue';
import { Queue } from 'bullmq';
import { traced } from '@worksite/server-observability';

const KEEP = { removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: { age: 7 * 24 * 3600 } };

/**
 * Puts incident messages on the incidents queue (its own, so a night run on the notices queue
 * never sits in front of them). Each job is idempotent — PostgreSQL guards every call-out — so
 * adding one twice, or again after Redis lost it (the worker's sweep does), is safe.
 */
@Injectable()
export class IncidentJobs {
  private readonly logger = new Logger(IncidentJobs.name);

  constructor(@InjectQueue(QueueName.Incidents) readonly queue: Queue) {}

  /** Queues the call-outs; a Redis failure is logged, not thrown: the worker's sweep re-queues owed rows. */
  async addCallouts(calloutIds: string[]): Promise<void> {
    if (!calloutIds.length) return;
    try {
      await this.queue.addBulk(
        calloutIds.map((calloutId) => ({
          name: IncidentJob.Callout,
          data: traced({ calloutId }),
          opts: { jobId: `callout-${calloutId}`, attempts: 12, backoff: { type: 'exponential', delay: 1000 }, ...KEEP },
        })),
      );
    } catch (error) {
      this.logger.warn(
        `queueing ${calloutIds.length} incident call-out(s) failed (${(error as Error).message}); the sweep will`,
      );
    }
  }
}
