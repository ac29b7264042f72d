import { Injectable } from '@nestjs/common';
import { NoticeRunEntity } from '@worksite/server-data-access';
import { NoticeRunStatus, NoticeRunTrigger } from '@worksite/shared-domain';
import { dayRange } from '@worksite/shared-util-time';
import { DataSource } from 'typeorm';
import { queryRows } from './sql';

/** What fanning out a run produced: the crews the run owes a notice. */
export interface FanOut {
  runId: string;
  runDate: string;
  crewIds: string[];
}

/**
 * Night runs: one row per project and local date (unique), so the scheduler, the watchdog
 * and a coordinator can all trigger the same run and only the first does anything.
 */
@Injectable()
export class NoticeRunsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The run of a project for a date, created if missing. */
  async ensureRun(
    projectId: string,
    runDate: string,
    trigger: NoticeRunTrigger,
    requestedBy: string | null = null,
  ): Promise<{ run: NoticeRunEntity; created: boolean }> {
    const inserted = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `INSERT INTO notice_runs (project_id, run_date, trigger, requested_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (project_id, run_date) DO NOTHING RETURNING id`,
      [projectId, runDate, trigger, requestedBy],
    );
    const run = await this.dataSource.getRepository(NoticeRunEntity).findOneByOrFail({ projectId, runDate });
    return { run, created: inserted.length === 1 };
  }

  /**
   * Moves a pending run to running with the crews that have work on its date, once. A run
   * triggered after its date began is marked missed instead, unless a person asked for it.
   * A coordinator may restart a missed run: `requestManual` makes it pending again.
   */
  async fanOut(runId: string, now: Date): Promise<FanOut | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [run] = await queryRows<{
        status: NoticeRunStatus;
        trigger: NoticeRunTrigger;
        run_date: string;
        project_id: string;
        time_zone: string;
      }>(
        manager,
        `SELECT r.status, r.trigger, to_char(r.run_date, 'YYYY-MM-DD') AS run_date, r.project_id, p.time_zone
           FROM notice_runs r JOIN projects p ON p.id = r.project_id WHERE r.id = $1 FOR UPDATE OF r`,
        [runId],
      );
      if (!run) return undefined;
      const manual = run.trigger === NoticeRunTrigger.Manual;
      if (run.status !== NoticeRunStatus.Pending) return undefined;
      if (!manual && now.getTime() >= dayRange(run.run_date, run.time_zone).start.getTime()) {
        await manager.query(`UPDATE notice_runs SET status = 'missed', finished_at = now() WHERE id = $1`, [runId]);
        return undefined;
      }
      const crews = await queryRows<{ crew_id: string }>(
        manager,
        `SELECT DISTINCT crew_id FROM tasks
          WHERE project_id = $1 AND start_date <= $2 AND finish_date >= $2 AND status <> 'cancelled' AND crew_id IS NOT NULL
          ORDER BY crew_id`,
        [run.project_id, run.run_date],
      );
      const crewIds = crews.map((row) => row.crew_id);
      await manager.query(
        `UPDATE notice_runs SET status = $2, crew_ids = $3, crews_total = $4, started_at = now(),
                finished_at = CASE WHEN $4 = 0 THEN now() END
          WHERE id = $1`,
        [runId, crewIds.length ? NoticeRunStatus.Running : NoticeRunStatus.Completed, crewIds, crewIds.length],
      );
      return { runId, runDate: run.run_date, crewIds };
    });
  }

  /** A coordinator asks for a run: a missed one becomes pending again, now triggered by hand. */
  async requestManual(runId: string, userId: string): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE notice_runs SET status = 'pending', trigger = 'manual', requested_by = $2, finished_at = NULL
        WHERE id = $1 AND status = 'missed' RETURNING id`,
      [runId, userId],
    );
    return rows.length === 1;
  }

  /** Pending runs created before `before`: their run job was lost or never ran. */
  async stalePending(before: Date): Promise<{ id: string; project_id: string; run_date: string; trigger: string }[]> {
    return queryRows(
      this.dataSource.manager,
      `SELECT id, project_id, to_char(run_date, 'YYYY-MM-DD') AS run_date, trigger FROM notice_runs
        WHERE status = 'pending' AND created_at < $1`,
      [before],
    );
  }

  /** Running runs started before `before`. */
  async running(before: Date): Promise<{ id: string }[]> {
    return queryRows(
      this.dataSource.manager,
      `SELECT id FROM notice_runs WHERE status = 'running' AND started_at < $1`,
      [before],
    );
  }

  /**
   * Recounts a run from its notices and deliveries (the truth) and completes it when every
   * crew it owes is done. Runs when the flow's crew jobs have all ended, and from the watchdog.
   */
  async summarise(runId: string): Promise<NoticeRunEntity | undefined> {
    await this.dataSource.transaction(async (manager) => {
      const [run] = await queryRows(manager, 'SELECT id FROM notice_runs WHERE id = $1 FOR NO KEY UPDATE', [runId]);
      if (!run) return;
      await manager.query(
        `WITH firsts AS (
           SELECT n.id, n.completed_at,
                  EXISTS (SELECT 1 FROM deliveries d WHERE d.notice_id = n.id AND d.purpose = 'notice' AND d.status = 'failed')
                  OR NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notice_id = n.id AND d.purpose = 'notice'
                                                              AND d.status IN ('sent', 'unknown')) AS failed
             FROM notices n WHERE n.run_id = $1 AND n.revision = 1
         ), counts AS (
           SELECT count(*) FILTER (WHERE d.status = 'sent') AS sent,
                  count(*) FILTER (WHERE d.status = 'failed') AS failed,
                  count(*) FILTER (WHERE d.status = 'unknown') AS unknown
             FROM deliveries d JOIN notices n ON n.id = d.notice_id WHERE n.run_id = $1 AND d.purpose = 'notice'
         )
         UPDATE notice_runs r SET
           crews_done = (SELECT count(*) FROM firsts WHERE completed_at IS NOT NULL),
           crews_failed = (SELECT count(*) FROM firsts WHERE completed_at IS NOT NULL AND failed),
           deliveries_sent = counts.sent, deliveries_failed = counts.failed, deliveries_unknown = counts.unknown,
           status = CASE WHEN r.status = 'running' AND (SELECT count(*) FROM firsts WHERE completed_at IS NOT NULL) >= r.crews_total
                         THEN 'completed'::notice_run_status ELSE r.status END,
           finished_at = CASE WHEN r.status = 'running' AND (SELECT count(*) FROM firsts WHERE completed_at IS NOT NULL) >= r.crews_total
                              THEN now() ELSE r.finished_at END
         FROM counts WHERE r.id = $1`,
        [runId],
      );
    });
    return (await this.dataSource.getRepository(NoticeRunEntity).findOneBy({ id: runId })) ?? undefined;
  }

  /** Crews of a running run that have no notice for its date yet (what the run still owes). */
  async owedCrews(runId: string): Promise<{ runDate: string; crewIds: string[] }> {
    const rows = await queryRows<{ crew_id: string; run_date: string }>(
      this.dataSource.manager,
      `SELECT c.crew_id, to_char(r.run_date, 'YYYY-MM-DD') AS run_date
         FROM notice_runs r CROSS JOIN LATERAL unnest(r.crew_ids) AS c(crew_id)
        WHERE r.id = $1
          AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.crew_id = c.crew_id AND n.notice_date = r.run_date)`,
      [runId],
    );
    return { runDate: rows[0]?.run_date ?? '', crewIds: rows.map((row) => row.crew_id) };
  }
}
