import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { analyseGrownTables } from './growing-tables';
import { NoticeRunsService } from './notice-runs.service';

/** How often a touched run is recounted while its deliveries change. */
const RECOUNT_MS = 500;
/**
 * A recount reads every notice and delivery of the run: the next one waits at least this many
 * times as long as the last took, so a night of 10,000 crews does not spend a database core
 * recounting (live progress every second or two instead of every half second).
 */
const RECOUNT_SHARE = 10;
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
  private delayMs = RECOUNT_MS;

  constructor(
    private readonly runs: NoticeRunsService,
    private readonly dataSource: DataSource,
  ) {}

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
    if (!this.timer) this.timer = setTimeout(() => void this.recount(), this.delayMs).unref();
  }

  private async recount(): Promise<void> {
    const runIds = [...this.touched.keys()];
    for (const runId of runIds) {
      const left = (this.touched.get(runId) ?? 1) - 1;
      if (left > 0) this.touched.set(runId, left);
      else this.touched.delete(runId);
    }
    const began = Date.now();
    // A failed recount is repeated by the next one, the flow's summary job or the watchdog.
    for (const runId of runIds) await this.runs.summarise(runId).catch(() => undefined);
    this.delayMs = Math.max(RECOUNT_MS, RECOUNT_SHARE * (Date.now() - began));
    // While a run writes, the statistics of the tables it grows are kept up (growing-tables.ts).
    await analyseGrownTables(this.dataSource).catch(() => undefined);
    this.timer = this.touched.size ? setTimeout(() => void this.recount(), this.delayMs).unref() : undefined;
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
    this.touched.clear();
  }
}
