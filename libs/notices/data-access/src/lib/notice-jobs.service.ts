import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@worksite/server-config';
import { JobPayloads, NoticeJob, QueueName } from '@worksite/server-queue';
import { FlowProducer, JobsOptions, Queue } from 'bullmq';

export const NOTICE_FLOW_PRODUCER = 'notices-flow';

/** Completed jobs are kept a day for the dashboard; failed ones a week. Never removed on fail in flows. */
const KEEP = { removeOnComplete: { age: 24 * 3600, count: 50_000 }, removeOnFail: { age: 7 * 24 * 3600 } };

/** Job ids may not contain ':' (BullMQ), so ids are joined with '-'. */
export const jobIds = {
  runSummary: (runId: string) => `run-${runId}`,
  crew: (runId: string, crewId: string) => `crew-${runId}-${crewId}`,
  delivery: (deliveryId: string) => `delivery-${deliveryId}`,
  alert: (alertId: string) => `alert-${alertId}`,
  scheduler: (projectId: string) => `notices-${projectId}`,
};

type Payload<J extends NoticeJob> = JobPayloads[QueueName.Notices][J];

/**
 * Puts notice jobs on the queue. Every job is idempotent (PostgreSQL guards each notice and
 * delivery), so adding one twice — or again after Redis lost it — is always safe.
 */
@Injectable()
export class NoticeJobs {
  constructor(
    @InjectQueue(QueueName.Notices) readonly queue: Queue,
    @InjectFlowProducer(NOTICE_FLOW_PRODUCER) private readonly flows: FlowProducer,
    private readonly config: AppConfig,
  ) {}

  /** Retries for infrastructure errors (database or Redis down); delivery retries are counted in the database. */
  private get retrying(): JobsOptions {
    return { attempts: 12, backoff: { type: 'exponential', delay: 2000 }, ...KEEP };
  }

  /**
   * A run as a flow: one child job per crew under a summary parent. A failed child does not
   * block the parent (ignoreDependencyOnFailure), so the summary always runs.
   */
  async addRunFlow(runId: string, noticeDate: string, crewIds: string[]): Promise<void> {
    const data: Payload<NoticeJob.Summary> = { runId };
    await this.flows.add({
      name: NoticeJob.Summary,
      queueName: QueueName.Notices,
      data,
      opts: { jobId: jobIds.runSummary(runId), ...this.retrying },
      children: crewIds.map((crewId) => ({
        name: NoticeJob.Crew,
        queueName: QueueName.Notices,
        data: { runId, crewId, noticeDate } satisfies Payload<NoticeJob.Crew>,
        opts: { jobId: jobIds.crew(runId, crewId), ignoreDependencyOnFailure: true, ...this.retrying },
      })),
    });
  }

  /** A crew job outside a flow (the watchdog re-adding what Redis lost). */
  async addCrews(runId: string, noticeDate: string, crewIds: string[]): Promise<void> {
    await this.queue.addBulk(
      crewIds.map((crewId) => ({
        name: NoticeJob.Crew,
        data: { runId, crewId, noticeDate } satisfies Payload<NoticeJob.Crew>,
        opts: { jobId: jobIds.crew(runId, crewId), ...this.retrying },
      })),
    );
  }

  async addRun(data: Payload<NoticeJob.Run>, jobId?: string): Promise<void> {
    await this.queue.add(NoticeJob.Run, data, { ...(jobId ? { jobId } : {}), ...this.retrying });
  }

  async addDeliveries(deliveryIds: string[]): Promise<void> {
    if (!deliveryIds.length) return;
    await this.queue.addBulk(
      deliveryIds.map((deliveryId) => ({
        name: NoticeJob.Deliver,
        data: { deliveryId } satisfies Payload<NoticeJob.Deliver>,
        opts: { jobId: jobIds.delivery(deliveryId), ...this.retrying },
      })),
    );
  }

  async addAlerts(alertIds: string[]): Promise<void> {
    if (!alertIds.length) return;
    await this.queue.addBulk(
      alertIds.map((alertId) => ({
        name: NoticeJob.Alert,
        data: { alertId } satisfies Payload<NoticeJob.Alert>,
        opts: { jobId: jobIds.alert(alertId), ...this.retrying },
      })),
    );
  }

  /**
   * Whether a job with this id is still waiting, delayed or running. A finished (completed or
   * failed) job is removed so the same id can be added again.
   */
  async isAlive(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(jobId);
    if (!job) return false;
    const state = await job.getState();
    if (state === 'completed' || state === 'failed' || state === 'unknown') {
      await job.remove().catch(() => undefined);
      return false;
    }
    return true;
  }

  /** Send time as a cron pattern (minute hour) for the project's job scheduler. */
  sendPattern(): string {
    const [hour, minute] = this.config.NOTICE_SEND_TIME.split(':').map(Number);
    return `${minute} ${hour} * * *`;
  }
}
