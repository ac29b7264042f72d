/** A held slot: give it back, or hand it straight to the next waiter with something to finish. */
export interface SlotLease<T> {
  /** What the previous holder handed over with the slot (undefined when it was free). */
  readonly inherited?: T;
  /** Gives the slot back (to the next waiter, else free). A second call does nothing. */
  release(): void;
  /**
   * Gives the slot to the next waiter together with `payload`, and answers true; answers false
   * (and the caller keeps the slot) when nobody waits.
   */
  handOver(payload: T): boolean;
}

/**
 * A counting semaphore: at most `size` holders at once, the others wait in arrival order.
 * The delivery executor holds an email slot from its claim to its record, so that no more
 * deliveries are `sending` than the SMTP pool has connections: a claimed message never waits
 * in the pool's queue, and a crash leaves `unknown` only those that were with a connection.
 * A holder may hand its slot over with the record it still owes, for the next holder to
 * write in the same statement as its claim (one committed change: one `sending` row leaves,
 * the next arrives).
 */
export class Slots<T = never> {
  private free: number;
  private readonly waiting: ((lease: SlotLease<T>) => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`slots need a positive size, not ${size}`);
    this.free = size;
  }

  /** Waits for a slot. */
  async acquire(): Promise<SlotLease<T>> {
    if (this.free > 0) {
      this.free--;
      return this.lease(undefined);
    }
    return new Promise<SlotLease<T>>((resolve) => this.waiting.push(resolve));
  }

  /** Holders right now (for tests and metrics). */
  get held(): number {
    return this.size - this.free;
  }

  private lease(inherited: T | undefined): SlotLease<T> {
    let ended = false;
    return {
      inherited,
      release: () => {
        if (ended) return;
        ended = true;
        const next = this.waiting.shift();
        if (next) next(this.lease(undefined));
        else this.free++;
      },
      handOver: (payload: T) => {
        if (ended || !this.waiting.length) return false;
        ended = true;
        (this.waiting.shift() as (lease: SlotLease<T>) => void)(this.lease(payload));
        return true;
      },
    };
  }
}
