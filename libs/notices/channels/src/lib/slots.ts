/**
 * A counting semaphore: at most `size` holders at once, the others wait in arrival order.
 * The delivery executor holds an email slot from its claim to its record, so that no more
 * deliveries are `sending` than the SMTP pool has connections: a claimed message never waits
 * in the pool's queue, and a crash leaves `unknown` only those that were with a connection.
 */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`slots need a positive size, not ${size}`);
    this.free = size;
  }

  /** Waits for a slot; call the answer once to give it back. */
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }

  /** Holders right now (for tests and metrics). */
  get held(): number {
    return this.size - this.free;
  }
}
