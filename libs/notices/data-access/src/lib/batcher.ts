/**
 * Gathers calls made at about the same time into one call for many keys: what arrives while
 * `maxInFlight` batches are running waits and goes in the next batch (at most `maxBatch` keys),
 * so under load one round trip serves many callers and when idle a call goes at once. A failed
 * batch fails each of its callers (who retry as they would after their own query failed).
 */
export class Batcher<K, V> {
  private pending: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxBatch = 50,
    private readonly maxInFlight = 2,
  ) {}

  /** The value for one key (undefined when the batch had none for it). */
  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      this.pending.push({ key, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || !this.pending.length) return;
    this.scheduled = true;
    // Callers of the same turn of the event loop go together.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.maxInFlight || !this.pending.length) return;
    const batch = this.pending.splice(0, this.maxBatch);
    this.inFlight++;
    try {
      const values = await this.run([...new Set(batch.map((call) => call.key))]);
      for (const call of batch) call.resolve(values.get(call.key));
    } catch (error) {
      for (const call of batch) call.reject(error);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
