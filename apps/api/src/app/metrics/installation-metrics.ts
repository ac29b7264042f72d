import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { QueueName } from '@worksite/server-queue';
import type { Queue } from 'bullmq';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'] as const;

/**
 * Figures of the installation rather than of a process, read when /api/metrics is asked:
 * queue depth from Redis; deliveries, unknown deliveries and night-run durations from
 * PostgreSQL. Whichever api instance answers gives the same figures.
 */
@Injectable()
export class InstallationMetrics {
  readonly registry = new Registry();
  private readonly queues: Queue[];

  constructor(
    dataSource: DataSource,
    @Inject(getQueueToken(QueueName.Notices)) notices: Queue,
    @Inject(getQueueToken(QueueName.Incidents)) incidents: Queue,
  ) {
    this.queues = [notices, incidents];
    const queues = this.queues;
    new Gauge({
      name: 'worksite_queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const queue of queues) {
          const counts = await queue.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'worksite_deliveries',
      help: 'Notice deliveries created in the last 24 hours, by channel and status',
      labelNames: ['channel', 'status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows: { kind: string; status: string; n: string }[] = await dataSource.query(
          `SELECT kind::text, status::text, count(*) AS n FROM deliveries
            WHERE created_at > now() - interval '24 hours' GROUP BY kind, status`,
        );
        for (const row of rows) this.set({ channel: row.kind, status: row.status }, Number(row.n));
      },
    });
    new Gauge({
      name: 'worksite_deliveries_unknown',
      help: 'Deliveries whose outcome is unknown (interrupted inside a provider call), all time',
      registers: [this.registry],
      async collect() {
        const [row] = await dataSource.query(`SELECT count(*) AS n FROM deliveries WHERE status = 'unknown'`);
        this.set(Number(row.n));
      },
    });
    new Gauge({
      name: 'worksite_night_run_duration_seconds',
      help: "Duration of each project's latest finished night run (first crew started → last crew done)",
      labelNames: ['project'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows: { code: string; seconds: number }[] = await dataSource.query(
          `SELECT DISTINCT ON (r.project_id) p.code,
                  EXTRACT(EPOCH FROM r.finished_at - coalesce(r.started_at, r.created_at))::float AS seconds
             FROM notice_runs r JOIN projects p ON p.id = r.project_id
            WHERE r.finished_at IS NOT NULL
            ORDER BY r.project_id, r.run_date DESC`,
        );
        for (const row of rows) this.set({ project: row.code }, row.seconds);
      },
    });
  }
}
