import { Injectable, Logger } from '@nestjs/common';
import { dailyPattern, jobIds, NoticeJobs } from '@worksite/notices-data-access';
import { AppConfig } from '@worksite/server-config';
import { NoticeJob } from '@worksite/server-queue';
import { DataSource } from 'typeorm';

const PREFIX = 'notices-';

const JOB_OPTIONS = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 100,
  removeOnFail: 500,
};

/**
 * The BullMQ job schedulers of each project, in the project's zone: the night run at
 * NOTICE_SEND_TIME, the make-ready owners' reminders at MAKE_READY_REMINDER_TIME and the
 * coordinators' not-ready list at MAKE_READY_LIST_TIME. Upserted only here (by the worker
 * holding the watchdog lock), never by api replicas, and only when missing or changed —
 * concurrent upserts are a known source of duplicate schedulers.
 */
@Injectable()
export class NoticeSchedulers {
  private readonly logger = new Logger(NoticeSchedulers.name);

  constructor(
    private readonly jobs: NoticeJobs,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async sync(): Promise<void> {
    const projects = (await this.dataSource.query('SELECT id, time_zone FROM projects')) as {
      id: string;
      time_zone: string;
    }[];
    const known = new Set<string>();
    for (const project of projects) {
      const schedules = [
        {
          id: jobIds.scheduler(project.id),
          time: this.config.NOTICE_SEND_TIME,
          name: NoticeJob.Run,
          data: { trigger: 'schedule' },
        },
        {
          id: jobIds.reminderScheduler(project.id),
          time: this.config.MAKE_READY_REMINDER_TIME,
          name: NoticeJob.ConstraintReminders,
          data: {},
        },
        {
          id: jobIds.listScheduler(project.id),
          time: this.config.MAKE_READY_LIST_TIME,
          name: NoticeJob.NotReadyList,
          data: {},
        },
      ];
      for (const schedule of schedules) {
        known.add(schedule.id);
        await this.upsert(schedule.id, dailyPattern(schedule.time), project.time_zone, schedule.name, {
          projectId: project.id,
          ...schedule.data,
        });
      }
    }
    const queue = this.jobs.queue;
    for (const scheduler of await queue.getJobSchedulers(0, -1)) {
      const key = (scheduler as { key?: string; id?: string }).key ?? (scheduler as { id?: string }).id ?? '';
      if (key.startsWith(PREFIX) && !known.has(key)) await queue.removeJobScheduler(key);
    }
  }

  private async upsert(id: string, pattern: string, tz: string, name: NoticeJob, data: Record<string, unknown>) {
    const queue = this.jobs.queue;
    const existing = await queue.getJobScheduler(id);
    if (existing && existing.pattern === pattern && existing.tz === tz) return;
    await queue.upsertJobScheduler(id, { pattern, tz }, { name, data, opts: JOB_OPTIONS });
    this.logger.log(`scheduler ${id}: ${pattern} ${tz}`);
  }
}
