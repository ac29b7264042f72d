import { Injectable } from '@nestjs/common';
import { DeliveryPurpose, DeliveryStatus } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';
import { queryRows } from './sql';

const COUNTED: Partial<Record<DeliveryStatus, string>> = {
  [DeliveryStatus.Sent]: 'deliveries_sent',
  [DeliveryStatus.Failed]: 'deliveries_failed',
  [DeliveryStatus.Unknown]: 'deliveries_unknown',
};

/**
 * The run's progress counters, kept in the transaction of each change (the caller holds the
 * notice's row lock). One UPDATE of the run row per transaction, at its end, so the hot row
 * is locked only briefly; the run completes in the same statement once every crew is done.
 */
@Injectable()
export class RunCounters {
  async afterTransition(
    manager: EntityManager,
    notice: { id: string; run_id: string | null },
    purpose: DeliveryPurpose,
    previous: DeliveryStatus,
    status: DeliveryStatus,
  ): Promise<void> {
    if (purpose !== DeliveryPurpose.Notice) return;
    const delta: Record<string, number> = {};
    if (COUNTED[previous]) delta[COUNTED[previous] as string] = -1;
    if (COUNTED[status]) delta[COUNTED[status] as string] = (delta[COUNTED[status] as string] ?? 0) + 1;
    await this.complete(manager, notice, delta);
  }

  /** Locks a notice row (every change of its deliveries does, first) and returns its run. */
  async lockNotice(manager: EntityManager, noticeId: string): Promise<{ id: string; run_id: string | null }> {
    const [notice] = await queryRows<{ id: string; run_id: string | null }>(
      manager,
      'SELECT id, run_id FROM notices WHERE id = $1 FOR UPDATE',
      [noticeId],
    );
    return notice;
  }

  /**
   * Marks the notice complete when none of its deliveries is still planned or sending, and
   * applies the counter changes to its run (crews done/failed only for the first revision).
   */
  async complete(
    manager: EntityManager,
    notice: { id: string; run_id: string | null },
    delta: Record<string, number> = {},
  ): Promise<void> {
    const [done] = await queryRows<{ run_id: string | null; revision: number; failed: boolean }>(
      manager,
      `UPDATE notices n SET completed_at = now()
        WHERE n.id = $1 AND n.completed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notice_id = n.id AND d.purpose = 'notice'
                                                        AND d.status IN ('planned', 'sending'))
        RETURNING n.run_id, n.revision,
          EXISTS (SELECT 1 FROM deliveries d WHERE d.notice_id = n.id AND d.purpose = 'notice' AND d.status = 'failed')
          OR NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notice_id = n.id AND d.purpose = 'notice'
                                                      AND d.status IN ('sent', 'unknown')) AS failed`,
      [notice.id],
    );
    if (done && done.revision === 1) {
      delta['crews_done'] = 1;
      if (done.failed) delta['crews_failed'] = 1;
    }
    const entries = Object.entries(delta).filter(([, value]) => value !== 0);
    if (!entries.length || !notice.run_id) return;
    await this.apply(manager, notice.run_id, Object.fromEntries(entries));
  }

  /**
   * Adds to a run's counters and completes the run once every crew it still owes a notice
   * (crews_total; skipped crews leave the total) is done.
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
  }
}
