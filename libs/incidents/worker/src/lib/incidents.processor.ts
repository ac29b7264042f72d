import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CalloutExecutor } from '@worksite/incidents-data-access';
import { AppConfig } from '@worksite/server-config';
import { timedJob, withRequestId } from '@worksite/server-observability';
import { dispatchJob, IncidentJob, JobHandlers, QueueName } from '@worksite/server-queue';
import { DelayedError, Job } from 'bullmq';

/**
 * The incidents queue: one job per message (a crew's call-out, a duty lead's escalation, a
 * paperwork reminder). A queue and workers of its own, so a night run of 10,000 crews on the
 * notices queue never sits in front of an emergency. A job that must wait (retry backoff, a
 * throttled robot) moves itself to delayed; PostgreSQL guards exactly-once.
 */
@Processor(QueueName.Incidents, { lockDuration: 20_000, stalledInterval: 10_000, maxStalledCount: 3 })
export class IncidentsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(IncidentsProcessor.name);

  readonly handlers: JobHandlers<QueueName.Incidents> = {
    [IncidentJob.Callout]: (job) => this.callout(job),
  };

  constructor(
    private readonly executor: CalloutExecutor,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.INCIDENT_CONCURRENCY;
    this.worker.on('error', (error) => this.logger.warn(`incidents worker: ${error.message}`));
  }

  /** Each job runs under the request id of the request that caused it (logs), and is timed (metrics). */
  process(job: Job): Promise<unknown> {
    return withRequestId((job.data as { requestId?: string } | undefined)?.requestId, () =>
      timedJob(job.queueName, job.name, () => dispatchJob(this.handlers, job)),
    );
  }

  private async callout(job: Job<{ calloutId: string }>): Promise<string> {
    const result = await this.executor.attempt(job.data.calloutId);
    if (result.state !== 'waiting') return result.state === 'ended' ? result.status : result.state;
    await job.moveToDelayed(Math.max(result.until, Date.now() + 100), job.token);
    throw new DelayedError();
  }
}
