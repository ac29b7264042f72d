import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';

interface LocalCount {
  count: number;
  expiresAt: number;
}

/**
 * Counters that expire a window after their first hit (e.g. failed logins per account): in
 * Redis, shared by every api instance — and, while Redis is unreachable, in this process,
 * with a warning, so that what they guard keeps working. Counts of the outage stay local.
 */
export class WindowCounters {
  private readonly logger = new Logger('WindowCounters');
  private readonly local = new Map<string, LocalCount>();
  private fallingBack = false;

  constructor(
    private readonly redis: Redis,
    private readonly what: string,
  ) {}

  /** The count of a key and the seconds left in its window (0 when there is none). */
  async count(key: string): Promise<{ count: number; ttlSeconds: number }> {
    return this.either(
      async () => {
        const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
        return { count: Number(count ?? 0), ttlSeconds: Math.max(ttl, 0) };
      },
      () => {
        const entry = this.fresh(key);
        return entry
          ? { count: entry.count, ttlSeconds: Math.ceil((entry.expiresAt - Date.now()) / 1000) }
          : { count: 0, ttlSeconds: 0 };
      },
    );
  }

  /** Adds one; the first hit opens a window of `windowSeconds`. Returns the new count. */
  async hit(key: string, windowSeconds: number): Promise<number> {
    return this.either(
      async () => {
        const count = await this.redis.incr(key);
        if (count === 1) await this.redis.expire(key, windowSeconds);
        return count;
      },
      () => {
        const entry = this.fresh(key) ?? { count: 0, expiresAt: Date.now() + windowSeconds * 1000 };
        entry.count++;
        this.local.set(key, entry);
        return entry.count;
      },
    );
  }

  async clear(key: string): Promise<void> {
    this.local.delete(key);
    await this.either(
      async () => void (await this.redis.del(key)),
      () => undefined,
    );
  }

  private fresh(key: string): LocalCount | undefined {
    const entry = this.local.get(key);
    if (entry && entry.expiresAt <= Date.now()) this.local.delete(key);
    return this.local.get(key);
  }

  private async either<T>(shared: () => Promise<T>, local: () => T): Promise<T> {
    if (this.redis.status === 'ready') {
      try {
        const value = await shared();
        if (this.fallingBack) {
          this.fallingBack = false;
          this.local.clear();
          this.logger.log(`Redis is back: ${this.what} are counted in Redis again`);
        }
        return value;
      } catch (error) {
        this.warn((error as Error).message);
      }
    } else {
      this.warn(`connection ${this.redis.status}`);
    }
    return local();
  }

  private warn(reason: string): void {
    if (this.fallingBack) return;
    this.fallingBack = true;
    this.logger.warn(`Redis unreachable (${reason}): counting ${this.what} in this process until it is back`);
  }
}
