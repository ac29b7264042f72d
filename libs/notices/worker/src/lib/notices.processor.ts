import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AlertExecutor, CrewDispatch, DispatchResult, MakeReadyExecutor } from '@worksite/notices-channels';
import {
  MakeReadyMessagesService,
  NOTICE_CLOCK,
  NoticeClock,
  NoticeJobs,
  NoticeRunsService,
} from '@worksite/notices-data-access';
import { AppConfig } from '@worksite/server-config';
import { timedJob, withRequestId } from '@worksite/server-observability';
import { dispatchJob, JobHandlers, NoticeJob, QueueName } from '@worksite/server-queue';
import { NoticeRunTrigger, nightRunDate } from '@worksite/shared-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { DelayedError, Job } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * The notices queue. Handlers are thin: the services decide, PostgreSQL guards. A job that
 * must wait (a throttled robot, a retry's backoff) moves itself to delayed, which uses no
 * attempt; BullMQ's own attempts are left for infrastructure errors (database down).
 *
 * A killed worker's jobs go to another within lockDuration + stalledInterval (10–15 s). A lock
 * is renewed every lockDuration / 2 (5 s) on a timer; only an event loop blocked for 10 s would
 * let a live job be taken too, and then the ledger's claims still send nothing twice.
 */
@Processor(QueueName.Notices, { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 3 })
export class NoticesProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(NoticesProcessor.name);

  readonly handlers: JobHandlers<QueueName.Notices> = {
    [NoticeJob.Run]: (job) => this.run(job),
    [NoticeJob.Crew]: async (job) =>
      this.waitIfAsked(job, await this.dispatch.processCrew(job.data.runId, job.data.crewId, job.data.noticeDate)),
    [NoticeJob.Summary]: (job) => this.runs.summarise(job.data.runId),
    [NoticeJob.Deliver]: async (job) => this.waitIfAsked(job, await this.dispatch.processDelivery(job.data.deliveryId)),
    [NoticeJob.Alert]: async (job) => this.waitIfAsked(job, await this.alerts.attempt(job.data.alertId)),
    [NoticeJob.Hold]: async () => 'released',
    [NoticeJob.ConstraintReminders]: (job) => this.makeReady(job, 0),
    [NoticeJob.NotReadyList]: (job) => this.makeReady(job, 1),
    [NoticeJob.MakeReadyMessage]: async (job) =>
      this.waitIfAsked(job, await this.makeReadyExecutor.attempt(job.data.messageId)),
  };

  constructor(
    private readonly dispatch: CrewDispatch,
    private readonly alerts: AlertExecutor,
    private readonly makeReadyExecutor: MakeReadyExecutor,
    private readonly makeReadyMessages: MakeReadyMessagesService,
    private readonly runs: NoticeRunsService,
    private readonly jobs: NoticeJobs,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.NOTICE_CONCURRENCY;
    // An unhandled 'error' event would crash the process; these happen e.g. when Redis lost a
    // job's keys while it ran (the database still holds the truth, the watchdog re-adds work).
    this.worker.on('error', (error) => this.logger.warn(`notices worker: ${error.message}`));
  }

  /** Each job runs under the request id of the request that caused it (logs), and is timed (metrics). */
  process(job: Job): Promise<unknown> {
    return withRequestId((job.data as { requestId?: string } | undefined)?.requestId, () =>
      timedJob(job.queueName, job.name, () => dispatchJob(this.handlers, job)),
    );
  }

  /**
   * A project's run: the date is given (watchdog, coordinator) or is the day after the
   * scheduler's planned fire time, so a run that fires late still serves the right evening.
   */
  private async run(job: Job<{ projectId: string; date?: string; trigger: NoticeRunTrigger | string }>) {
    const [project] = (await this.dataSource.query('SELECT time_zone FROM projects WHERE id = $1', [
      job.data.projectId,
    ])) as {
      time_zone: string;
    }[];
    if (!project) return { skipped: 'project no longer exists' };
    const firedAt = (job.opts as { prevMillis?: number }).prevMillis ?? job.timestamp;
    const date = job.data.date ?? nightRunDate(firedAt, project.time_zone);
    const { run } = await this.runs.ensureRun(job.data.projectId, date, job.data.trigger as NoticeRunTrigger);
    const fanned = await this.runs.fanOut(run.id, new Date(this.clock()));
    if (fanned?.crewIds.length) await this.jobs.addRunFlow(run.id, date, fanned.crewIds);
    return { runId: run.id, date, crews: fanned?.crewIds.length ?? 0 };
  }

  /**
   * A project's make-ready job: the owners' reminders of the day (`daysAhead` 0) or the list of
   * tomorrow's tasks not ready (1). The date is given (watchdog) or follows from the planned
   * fire time in the project's zone, as for the night run.
   */
  private async makeReady(job: Job<{ projectId: string; date?: string }>, daysAhead: 0 | 1) {
    const [project] = (await this.dataSource.query('SELECT time_zone FROM projects WHERE id = $1', [
      job.data.projectId,
    ])) as { time_zone: string }[];
    if (!project) return { skipped: 'project no longer exists' };
    const firedAt = (job.opts as { prevMillis?: number }).prevMillis ?? job.timestamp;
    const date = job.data.date ?? addDays(localDateOf(firedAt, project.time_zone), daysAhead);
    const ids =
      daysAhead === 0
        ? await this.makeReadyMessages.remindOwners(job.data.projectId, date)
        : await this.makeReadyMessages.buildNotReadyList(job.data.projectId, date);
    await this.jobs.addMakeReadyMessages(ids);
    return { date, messages: ids.length };
  }

  private async waitIfAsked(job: Job, result: DispatchResult): Promise<string> {
    if (result.waitUntil === undefined) return result.outcome;
    await job.moveToDelayed(Math.max(result.waitUntil, Date.now() + 100), job.token);
    throw new DelayedError();
  }
}
