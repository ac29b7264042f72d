import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@worksite/server-queue';
import Redis from 'ioredis';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES = 10;

/**
 * Failed logins per account, shared by every api instance through Redis: after 10 failures
 * in 15 minutes the account refuses logins for the rest of the window, whatever the address.
 */
@Injectable()
export class LoginAttempts {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  private key(username: string): string {
    return `login-failures:${username.toLowerCase()}`;
  }

  /** Seconds until the account may try again, or 0. */
  async lockedFor(username: string): Promise<number> {
    const [failures, ttl] = await Promise.all([this.redis.get(this.key(username)), this.redis.ttl(this.key(username))]);
    return Number(failures ?? 0) >= MAX_FAILURES ? Math.max(ttl, 1) : 0;
  }

  async recordFailure(username: string): Promise<void> {
    const key = this.key(username);
    const failures = await this.redis.incr(key);
    if (failures === 1) await this.redis.expire(key, WINDOW_SECONDS);
  }

  async clear(username: string): Promise<void> {
    await this.redis.del(this.key(username));
  }
}
