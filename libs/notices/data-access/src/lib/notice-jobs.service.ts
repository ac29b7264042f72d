import { InjectFlowProducer, InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@worksite/server-config';
import { JobPayloads, logConnectionErrors, NoticeJob, QueueName } from '@worksite/server-queue';
import { FlowProducer, JobsOptions, Queue } from 'bullmq';
import { traced } from '@worksite/server-observability';

export const NOTICE_FLOW_PRODUCER = 'notices-flow';

/** Completed jobs are kept a day for the dashboard; failed ones a week. Never removed on fail in flows. */
const KEEP = { removeOnComplete: { age: 24 * 3600, count: 50_000 }, removeOnFail: { age: 7 * 24 * 3600 } };

/** Job ids may not contain ':' (BullMQ), so ids are joined with '-'. */
export const jobIds = {
  runSummary: (runId: string) => `run-${runId}`,
  runHold: (runId: string) => `hold-${runId}`,
  crew: (runId: string, crewId: string) => `crew-${runId}-${crewId}`,
  delivery: (deliveryId: string) => `delivery-${deliveryId}`,
  alert: (alertId: string) => `alert-${alertId}`,
  scheduler: (projectId: string) => `notices-${projectId}`,
  makeReadyMessage: (messageId: string) => `make-ready-${messageId}`,
  reminderScheduler: (projectId: string) => `notices-reminders-${projectId}`,
  listScheduler: (projectId: string) => `notices-not-ready-${projectId}`,
};

type Payload<J extends NoticeJob> = JobPayloads[QueueName.Notices][J];

/** Crew jobs added to the queue per round trip: the memory of a 10,000-crew fan-out stays small. */
const FAN_OUT_CHUNK = 500;
/** If the fan-out dies before releasing the hold, the hold releases itself after this. */
const HOLD_MS = 60_000;

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
  ) {
    logConnectionErrors(this.flows, 'notice flows');
  }

  /** Retries for infrastructure errors (database or Redis down); delivery retries are counted in the database. */
  private get retrying(): JobsOptions {
    return { attempts: 12, backoff: { type: 'exponential', delay: 2000 }, ...KEEP };
  }

  /**
   * A run as a flow: one child job per crew under a summary parent. A failed child does not
   * block the parent (ignoreDependencyOnFailure), so the summary always runs. The crews are
   * added in chunks under a parent held by a placeholder child, so that the summary cannot
   * start between two chunks; the hold is released when all are in. Adding the same run again
   * (the run job retried) adds nothing twice: job ids are per run and crew.
   */
  async addRunFlow(runId: string, noticeDate: string, crewIds: string[]): Promise<void> {
    const summary = jobIds.runSummary(runId);
    const hold = jobIds.runHold(runId);
    await this.flows.add({
      name: NoticeJob.Summary,
      queueName: QueueName.Notices,
      data: traced({ runId } satisfies Payload<NoticeJob.Summary>),
      opts: { jobId: summary, ...this.retrying },
      children: [
        {
          name: NoticeJob.Hold,
          queueName: QueueName.Notices,
          data: traced({ runId } satisfies Payload<NoticeJob.Hold>),
          opts: { jobId: hold, delay: HOLD_MS, ignoreDependencyOnFailure: true, ...this.retrying },
        },
      ],
    });
    const parent = { id: summary, queue: this.queue.qualifiedName };
    for (let at = 0; at < crewIds.length; at += FAN_OUT_CHUNK) {
      await this.queue.addBulk(
        crewIds.slice(at, at + FAN_OUT_CHUNK).map((crewId) => ({
          name: NoticeJob.Crew,
          data: traced({ runId, crewId, noticeDate } satisfies Payload<NoticeJob.Crew>),
          opts: { jobId: jobIds.crew(runId, crewId), parent, ignoreDependencyOnFailure: true, ...this.retrying },
        })),
      );
    }
    // Released by running it now (a no-op job): completing is what lets a parent go on.
    await (await this.queue.getJob(hold))?.promote().catch(() => undefined);
  }

  /** A crew job outside a flow (the watchdog re-adding what Redis lost). */
  async addCrews(runId: string, noticeDate: string, crewIds: string[]): Promise<void> {
    await this.queue.addBulk(
      crewIds.map((crewId) => ({
        name: NoticeJob.Crew,
        data: traced({ runId, crewId, noticeDate } satisfies Payload<NoticeJob.Crew>),
        opts: { jobId: jobIds.crew(runId, crewId), ...this.retrying },
      })),
    );
  }

  async addRun(data: Payload<NoticeJob.Run>, jobId?: string): Promise<void> {
    await this.queue.add(NoticeJob.Run, traced(data), { ...(jobId ? { jobId } : {}), ...this.retrying });
  }

  async addDeliveries(deliveryIds: string[]): Promise<void> {
    if (!deliveryIds.length) return;
    await this.queue.addBulk(
      deliveryIds.map((deliveryId) => ({
        name: NoticeJob.Deliver,
        data: traced({ deliveryId } satisfies Payload<NoticeJob.Deliver>),
        opts: { jobId: jobIds.delivery(deliveryId), ...this.retrying },
      })),
    );
  }

  async addAlerts(alertIds: string[]): Promise<void> {
    if (!alertIds.length) return;
    await this.queue.addBulk(
      alertIds.map((alertId) => ({
        name: NoticeJob.Alert,
        data: traced({ alertId } satisfies Payload<NoticeJob.Alert>),
        opts: { jobId: jobIds.alert(alertId), ...this.retrying },
      })),
    );
  }

  async addMakeReadyMessages(messageIds: string[]): Promise<void> {
    if (!messageIds.length) return;
    await this.queue.addBulk(
      messageIds.map((messageId) => ({
        name: NoticeJob.MakeReadyMessage,
        data: traced({ messageId } satisfies Payload<NoticeJob.MakeReadyMessage>),
        opts: { jobId: jobIds.makeReadyMessage(messageId), ...this.retrying },
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
    return dailyPattern(this.config.NOTICE_SEND_TIME);
  }
}

/** A daily local time HH:mm as a cron pattern (minute hour) for a job scheduler. */
export function dailyPattern(time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return `${minute} ${hour} * * *`;
}
