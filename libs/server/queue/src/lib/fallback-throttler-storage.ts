import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type Redis from 'ioredis';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counts in Redis, shared by every api instance — and, while Redis is unreachable,
 * in this process, so that requests keep being served and limited (each instance then counts
 * on its own). A warning says when it falls back, a log line when Redis is back; the counts
 * of the outage are dropped then (Redis counts again from its own state). The api's Redis
 * client does not queue commands while disconnected, so a request never waits for Redis.
 */
export class FallbackThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly shared: ThrottlerStorageRedisService;
  private local = new ThrottlerStorageService();
  private fallingBack = false;

  constructor(private readonly redis: Redis) {
    this.shared = new ThrottlerStorageRedisService(redis);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    if (this.redis.status === 'ready') {
      try {
        const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
        this.recovered();
        return record;
      } catch (error) {
        this.fallBack((error as Error).message);
      }
    } else {
      this.fallBack(`connection ${this.redis.status}`);
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  /** Whether limits are counted in this process (Redis unreachable). */
  get countingLocally(): boolean {
    return this.fallingBack;
  }

  private fallBack(reason: string): void {
    if (this.fallingBack) return;
    this.fallingBack = true;
    this.logger.warn(`Redis unreachable (${reason}): counting rate limits in this process until it is back`);
  }

  private recovered(): void {
    if (!this.fallingBack) return;
    this.fallingBack = false;
    this.local.onApplicationShutdown();
    this.local = new ThrottlerStorageService();
    this.logger.log('Redis is back: rate limits are counted in Redis again');
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
