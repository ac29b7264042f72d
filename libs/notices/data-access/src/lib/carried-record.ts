import type { Recorded } from './attempt-ledger';

/**
 * The record of an accepted message (sending → sent) that rides along with the next claim of
 * the same SMTP connection's slot: both are one statement, so the slot's `sending` row is
 * replaced by the next in one commit and never two are `sending` for one connection, while the
 * connection waits one round trip to PostgreSQL per message instead of two.
 *
 * Settled exactly once: with what the claim's statement recorded, or rejected (the statement
 * failed, or the next holder gave up before it ran) so that its owner records it on its own.
 */
export class CarriedRecord {
  readonly recorded: Promise<Recorded | undefined>;
  private settle!: { resolve: (value: Recorded | undefined) => void; reject: (error: unknown) => void };
  private settled = false;

  constructor(
    readonly id: string,
    readonly attempts: number,
    readonly response: unknown,
  ) {
    this.recorded = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // Its owner awaits it; a rejection nobody awaited yet must not end the process.
    this.recorded.catch(() => undefined);
  }

  resolve(value: Recorded | undefined): void {
    if (this.settled) return;
    this.settled = true;
    this.settle.resolve(value);
  }

  /** Not (or no longer) carried by any statement: its owner records it itself. */
  abandon(reason: unknown = new Error('the next claim did not carry this record')): void {
    if (this.settled) return;
    this.settled = true;
    this.settle.reject(reason);
  }
}
