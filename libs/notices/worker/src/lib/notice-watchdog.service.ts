import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  AmendmentsService,
  DeliveryLedger,
  EscalationAlertsService,
  jobIds,
  MakeReadyMessagesService,
  NOTICE_CLOCK,
  NoticeClock,
  NoticeJobs,
  NoticeRunsService,
  RemindersService,
} from '@worksite/notices-data-access';
import { AnnouncementRobotPosts } from '@worksite/notices-channels';
import { AppConfig } from '@worksite/server-config';
import { NoticeRunTrigger, nightRunDate } from '@worksite/shared-domain';
import { notReadyListCatchUpDue, runCatchUpDue } from '@worksite/notices-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { DataSource } from 'typeorm';
import { NoticeSchedulers } from './notice-schedulers.service';

/** pg advisory lock: one watchdog at a time across all workers of a database. */
const WATCHDOG_LOCK = 2026_1127_5;

/**
 * The database-side watchdog. On a timer of its own (not a BullMQ job, so it survives a
 * broken scheduler chain or a flushed Redis), one worker at a time compares what PostgreSQL
 * says is owed with what is happening, and re-adds what is missing: runs that never
 * happened, runs whose jobs were lost, deliveries nobody is sending, deliveries interrupted
 * mid-send (emails again, others → unknown), due amendments, reminders and escalations. Every re-added job is
 * idempotent, so being wrong about "lost" costs only a no-op job.
 */
@Injectable()
export class NoticeWatchdog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NoticeWatchdog.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly runs: NoticeRunsService,
    private readonly jobs: NoticeJobs,
    private readonly ledger: DeliveryLedger,
    private readonly alerts: EscalationAlertsService,
    private readonly amendments: AmendmentsService,
    private readonly reminders: RemindersService,
    private readonly makeReady: MakeReadyMessagesService,
    private readonly schedulers: NoticeSchedulers,
    private readonly announcements: AnnouncementRobotPosts,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {}

  /** Work untouched this long while it should be moving has lost its job. */
  private get lostAfterMs(): number {
    return this.config.NOTICE_LOST_JOB_SECONDS * 1000;
  }

  onApplicationBootstrap(): void {
    // First look right away: a worker starting late in the evening catches up at once.
    setImmediate(() => void this.tick());
    this.timer = setInterval(() => void this.tick(), this.config.NOTICE_WATCHDOG_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One look, unless one is already going on in this process; returns when it is done. */
  tick(): Promise<void> {
    this.running ??= this.lockedLook().finally(() => (this.running = undefined));
    return this.running;
  }

  private async lockedLook(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [WATCHDOG_LOCK]);
      if (!locked) return;
      try {
        await this.look();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [WATCHDOG_LOCK]);
      }
    } catch (error) {
      this.logger.warn(`watchdog: ${(error as Error).message}`);
    } finally {
      await runner.release().catch(() => undefined);
    }
  }

  private async look(): Promise<void> {
    const now = this.clock();
    await this.schedulers.sync();
    await this.missedRuns(now);
    await this.stalledRuns(now);
    const timeout = this.config.NOTICE_SENDING_TIMEOUT_SECONDS * 1000;
    const interrupted = await this.ledger.sweepInterrupted(new Date(now - timeout));
    if (interrupted) {
      this.logger.warn(`${interrupted} deliveries interrupted mid-send: emails planned again, others marked unknown`);
    }
    await this.alerts.sweepInterrupted(new Date(now - timeout));
    await this.announcements.sweep(now, timeout);
    await this.readd('delivery', await this.ledger.owed(new Date(now), new Date(now - this.lostAfterMs)));
    await this.readd('alert', await this.alerts.owed(new Date(now), new Date(now - this.lostAfterMs)));
    await this.makeReady.sweepInterrupted(new Date(now - timeout));
    await this.readd('make-ready', await this.makeReady.owed(new Date(now), new Date(now - this.lostAfterMs)));
    await this.makeReadyCatchUp(now);
    await this.jobs.addDeliveries(await this.amendments.processDue());
    await this.jobs.addDeliveries(await this.reminders.remindDue());
    await this.jobs.addAlerts(await this.reminders.escalateDue());
  }

  /**
   * Every project whose send time (+ grace) has passed this evening must have a run for
   * tomorrow; until midnight, a missing one is started here (the unique row makes this safe).
   */
  private async missedRuns(now: number): Promise<void> {
    const projects = (await this.dataSource.query('SELECT id, time_zone FROM projects')) as {
      id: string;
      time_zone: string;
    }[];
    for (const project of projects) {
      const { NOTICE_SEND_TIME, NOTICE_WATCHDOG_GRACE_MINUTES } = this.config;
      if (!runCatchUpDue(now, NOTICE_SEND_TIME, NOTICE_WATCHDOG_GRACE_MINUTES, project.time_zone)) continue;
      const tomorrow = nightRunDate(now, project.time_zone);
      const { run, created } = await this.runs.ensureRun(project.id, tomorrow, NoticeRunTrigger.Watchdog);
      if (!created) continue;
      this.logger.warn(
        `no run for project ${project.id} on ${tomorrow} by ${this.config.NOTICE_SEND_TIME}: starting it`,
      );
      await this.fanOut(run.id, now);
    }
  }

  /** Pending runs nobody fanned out, and running runs whose flow Redis no longer has. */
  private async stalledRuns(now: number): Promise<void> {
    for (const run of await this.runs.stalePending(new Date(now - this.lostAfterMs))) await this.fanOut(run.id, now);
    for (const run of await this.runs.running(new Date(now - this.lostAfterMs))) {
      if (await this.jobs.isAlive(jobIds.runSummary(run.id))) continue;
      const owed = await this.runs.owedCrews(run.id);
      const lost: string[] = [];
      for (const crewId of owed.crewIds) if (!(await this.jobs.isAlive(jobIds.crew(run.id, crewId)))) lost.push(crewId);
      if (lost.length) {
        this.logger.warn(`run ${run.id}: ${lost.length} crew jobs were lost; adding them again`);
        await this.jobs.addCrews(run.id, owed.runDate, lost);
      }
      await this.runs.summarise(run.id);
    }
  }

  private async fanOut(runId: string, now: number): Promise<void> {
    const fanned = await this.runs.fanOut(runId, new Date(now));
    if (fanned?.crewIds.length) await this.jobs.addRunFlow(fanned.runId, fanned.runDate, fanned.crewIds);
  }

  /**
   * The make-ready jobs' schedulers may not have fired: the owners' reminders of the day are
   * taken from the reminder time (+ grace) until midnight — a no-op once taken (reminded_on) —
   * and a list not made by the list time (+ grace) is made until the send time.
   */
  private async makeReadyCatchUp(now: number): Promise<void> {
    const projects = (await this.dataSource.query('SELECT id, time_zone FROM projects')) as {
      id: string;
      time_zone: string;
    }[];
    const grace = this.config.NOTICE_WATCHDOG_GRACE_MINUTES;
    const times = { list: this.config.MAKE_READY_LIST_TIME, send: this.config.NOTICE_SEND_TIME };
    for (const project of projects) {
      const today = localDateOf(now, project.time_zone);
      if (runCatchUpDue(now, this.config.MAKE_READY_REMINDER_TIME, grace, project.time_zone)) {
        await this.jobs.addMakeReadyMessages(await this.makeReady.remindOwners(project.id, today));
      }
      const tomorrow = addDays(today, 1);
      if (!notReadyListCatchUpDue(now, times, grace, project.time_zone)) continue;
      if (await this.makeReady.listMade(project.id, tomorrow)) continue;
      this.logger.warn(`no not-ready list for project ${project.id} on ${tomorrow}: making it`);
      await this.jobs.addMakeReadyMessages(await this.makeReady.buildNotReadyList(project.id, tomorrow));
    }
  }

  private async readd(kind: 'delivery' | 'alert' | 'make-ready', ids: string[]): Promise<void> {
    const jobId = { delivery: jobIds.delivery, alert: jobIds.alert, 'make-ready': jobIds.makeReadyMessage }[kind];
    const lost: string[] = [];
    for (const id of ids) if (!(await this.jobs.isAlive(jobId(id)))) lost.push(id);
    if (!lost.length) return;
    this.logger.warn(`${lost.length} ${kind} jobs were lost; adding them again`);
    if (kind === 'delivery') await this.jobs.addDeliveries(lost);
    else if (kind === 'alert') await this.jobs.addAlerts(lost);
    else await this.jobs.addMakeReadyMessages(lost);
  }
}
