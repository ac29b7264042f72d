import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DeliveryPurpose } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';
import { NoticeRunsService } from './notice-runs.service';

/** How often a touched run is recounted while its deliveries change. */
const RECOUNT_MS = 500;
/** Recounts after the last change: covers a change whose transaction committed after a recount. */
const TRAILING_RECOUNTS = 2;

/**
 * A run's progress counters (crews done, deliveries sent/failed/unknown) are a summary of its
 * notices and deliveries, recounted from them (NoticeRunsService.summarise) at most every
 * half second while they change, when the flow's crew jobs have all ended, and by the
 * watchdog. Deliveries never update the run row themselves: with thousands of crews in
 * flight, that one row locked by every delivery transaction was the night run's bottleneck.
 */
@Injectable()
export class RunCounters implements OnModuleDestroy {
  private readonly touched = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly runs: NoticeRunsService) {}

  /** A delivery of the notice changed state (the caller holds the notice's row lock). */
  async afterTransition(
    manager: EntityManager,
    notice: { id: string; run_id: string | null },
    purpose: DeliveryPurpose,
  ): Promise<void> {
    if (purpose === DeliveryPurpose.Notice) await this.complete(manager, notice);
  }

  /** Locks a notice row (every change of its deliveries does, first) and returns its run. */
  async lockNotice(manager: EntityManager, noticeId: string): Promise<{ id: string; run_id: string | null }> {
    const [notice] = (await manager.query('SELECT id, run_id FROM notices WHERE id = $1 FOR UPDATE', [noticeId])) as {
      id: string;
      run_id: string | null;
    }[];
    return notice;
  }

  /** Marks the notice complete when none of its deliveries is still planned or sending. */
  async complete(manager: EntityManager, notice: { id: string; run_id: string | null }): Promise<void> {
    await manager.query(
      `UPDATE notices n SET completed_at = now()
        WHERE n.id = $1 AND n.completed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notice_id = n.id AND d.purpose = 'notice'
                                                        AND d.status IN ('planned', 'sending'))`,
      [notice.id],
    );
    this.touch(notice.run_id);
  }

  /**
   * Adds to a run's counters that are not a summary of its deliveries (crews it owes), and
   * completes the run once every crew it still owes a notice is done.
   */
  async apply(manager: EntityManager, runId: string, delta: Record<string, number>): Promise<void> {
    const columns = Object.keys(delta);
    const sets = columns.map((column, index) => `${column} = ${column} + $${index + 2}`);
    const after = (column: string) => (delta[column] ? `(${column} + ${Number(delta[column])})` : column);
    await manager.query(
      `UPDATE notice_runs SET ${sets.join(', ')},
              status = CASE WHEN status = 'running' AND ${after('crews_done')} >= ${after('crews_total')}
                            THEN 'completed'::notice_run_status ELSE status END,
              finished_at = CASE WHEN status = 'running' AND ${after('crews_done')} >= ${after('crews_total')}
                                 THEN now() ELSE finished_at END
        WHERE id = $1`,
      [runId, ...columns.map((column) => delta[column])],
    );
    this.touch(runId);
  }

  /** Asks for the run to be recounted soon (and once or twice more after its last change). */
  touch(runId: string | null): void {
    if (!runId) return;
    this.touched.set(runId, TRAILING_RECOUNTS);
    if (!this.timer) this.timer = setTimeout(() => void this.recount(), RECOUNT_MS).unref();
  }

  private async recount(): Promise<void> {
    const runIds = [...this.touched.keys()];
    for (const runId of runIds) {
      const left = (this.touched.get(runId) ?? 1) - 1;
      if (left > 0) this.touched.set(runId, left);
      else this.touched.delete(runId);
    }
    // A failed recount is repeated by the next one, the flow's summary job or the watchdog.
    for (const runId of runIds) await this.runs.summarise(runId).catch(() => undefined);
    this.timer = this.touched.size ? setTimeout(() => void this.recount(), RECOUNT_MS).unref() : undefined;
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
    this.touched.clear();
  }
}
