import { Injectable } from '@nestjs/common';
import { DeliveryLedger, NoticeStore } from '@worksite/notices-data-access';
import { AttemptResult, DeliveryExecutor } from './delivery-executor.service';

/** When a job should look again at its deliveries (undefined: nothing left to do for it). */
export interface DispatchResult {
  waitUntil?: number;
  outcome: string;
}

/** The earliest time any of the attempts asked to be looked at again. */
export function earliestWait(results: AttemptResult[]): number | undefined {
  const waits = results.flatMap((result) => (result.state === 'waiting' ? [result.until] : []));
  return waits.length ? Math.min(...waits) : undefined;
}

/**
 * One crew of a night run: store its notice and deliveries (once, whatever happens), then
 * attempt every delivery of that first revision on all its channels at once.
 */
@Injectable()
export class CrewDispatch {
  constructor(
    private readonly store: NoticeStore,
    private readonly ledger: DeliveryLedger,
    private readonly executor: DeliveryExecutor,
  ) {}

  async processCrew(runId: string, crewId: string, noticeDate: string): Promise<DispatchResult> {
    const stored = await this.store.createInitial(runId, crewId, noticeDate);
    if (stored.outcome === 'no-work' || stored.outcome === 'unchanged') return { outcome: stored.outcome };
    if (stored.outcome === 'exists' && stored.runId !== runId) return { outcome: 'notified-by-another-run' };
    const results =
      stored.outcome === 'created'
        ? await Promise.all(stored.planned.map((delivery) => this.executor.attempt(delivery.id, delivery)))
        : await Promise.all(
            (await this.ledger.ofNotice(stored.noticeId)).map((delivery) => this.executor.attempt(delivery.id)),
          );
    return { outcome: stored.outcome, waitUntil: earliestWait(results) };
  }

  async processDelivery(deliveryId: string): Promise<DispatchResult> {
    const result = await this.executor.attempt(deliveryId);
    return { outcome: result.state, waitUntil: earliestWait([result]) };
  }
}
