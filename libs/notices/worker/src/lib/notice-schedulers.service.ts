import { Injectable, Logger } from '@nestjs/common';
import { jobIds, NoticeJobs } from '@worksite/notices-data-access';
import { NoticeJob } from '@worksite/server-queue';
import { DataSource } from 'typeorm';

const PREFIX = 'notices-';

/**
 * One BullMQ job scheduler per project, at NOTICE_SEND_TIME in the project's zone. Upserted
 * only here (by the worker holding the watchdog lock), never by api replicas, and only when
 * missing or changed — concurrent upserts are a known source of duplicate schedulers.
 */
@Injectable()
export class NoticeSchedulers {
  private readonly logger = new Logger(NoticeSchedulers.name);

  constructor(
    private readonly jobs: NoticeJobs,
    private readonly dataSource: DataSource,
  ) {}

  async sync(): Promise<void> {
    const projects = (await this.dataSource.query('SELECT id, time_zone FROM projects')) as {
      id: string;
      time_zone: string;
    }[];
    const pattern = this.jobs.sendPattern();
    const queue = this.jobs.queue;
    for (const project of projects) {
      const id = jobIds.scheduler(project.id);
      const existing = await queue.getJobScheduler(id);
      if (existing && existing.pattern === pattern && existing.tz === project.time_zone) continue;
      await queue.upsertJobScheduler(
        id,
        { pattern, tz: project.time_zone },
        {
          name: NoticeJob.Run,
          data: { projectId: project.id, trigger: 'schedule' },
          opts: {
            attempts: 12,
            backoff: { type: 'exponential', delay: 2000 },
            removeOnComplete: 100,
            removeOnFail: 500,
          },
        },
      );
      this.logger.log(`scheduler ${id}: ${pattern} ${project.time_zone}`);
    }
    const known = new Set(projects.map((project) => jobIds.scheduler(project.id)));
    for (const scheduler of await queue.getJobSchedulers(0, -1)) {
      const key = (scheduler as { key?: string; id?: string }).key ?? (scheduler as { id?: string }).id ?? '';
      if (key.startsWith(PREFIX) && !known.has(key)) await queue.removeJobScheduler(key);
    }
  }
}
