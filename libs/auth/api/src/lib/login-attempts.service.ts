import { Inject, Injectable } from '@nestjs/common';
import { REDIS, WindowCounters } from '@worksite/server-queue';
import Redis from 'ioredis';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES = 10;

/**
 * Failed logins per account, shared by every api instance through Redis (counted in the
 * process while Redis is unreachable, so logins keep working): after 10 failures in 15
 * minutes the account refuses logins for the rest of the window, whatever the address.
 */
@Injectable()
export class LoginAttempts {
  private readonly counters: WindowCounters;

  constructor(@Inject(REDIS) redis: Redis) {
    this.counters = new WindowCounters(redis, 'failed logins');
  }

  private key(username: string): string {
    return `login-failures:${username.toLowerCase()}`;
  }

  /** Seconds until the account may try again, or 0. */
  async lockedFor(username: string): Promise<number> {
    const { count, ttlSeconds } = await this.counters.count(this.key(username));
    return count >= MAX_FAILURES ? Math.max(ttlSeconds, 1) : 0;
  }

  async recordFailure(username: string): Promise<void> {
    await this.counters.hit(this.key(username), WINDOW_SECONDS);
  }

  async clear(username: string): Promise<void> {
    await this.counters.clear(this.key(username));
  }
}
