import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { REDIS, WORKER_HEARTBEAT_KEY } from '@worksite/server-queue';
import Redis from 'ioredis';

/** How often a worker says it is alive; /api/health shows the last time. */
export const HEARTBEAT_EVERY_MS = 10_000;

/**
 * The worker's heartbeat: WORKER_HEARTBEAT_KEY set on a timer of this process (expiring
 * after three missed beats), and at once whenever the Redis connection is ready again. It
 * depends on nothing stored in Redis — a job scheduler would be lost with Redis's data and
 * leave health showing no worker until someone upserted it again — so after Redis restarts,
 * even empty, the heartbeat is back within a second of the reconnection.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  private timer?: NodeJS.Timeout;
  private failing = false;
  private readonly onReady = () => void this.beat();

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationBootstrap(): void {
    this.redis.on('ready', this.onReady);
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_EVERY_MS);
    void this.beat();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.redis.off('ready', this.onReady);
  }

  /** Writes the heartbeat once; true when Redis took it. */
  async beat(): Promise<boolean> {
    try {
      await this.redis.set(WORKER_HEARTBEAT_KEY, new Date().toISOString(), 'PX', 3 * HEARTBEAT_EVERY_MS);
      if (this.failing) this.logger.log('heartbeat written again');
      this.failing = false;
      return true;
    } catch (error) {
      if (!this.failing) this.logger.warn(`heartbeat not written (${(error as Error).message}); retrying`);
      this.failing = true;
      return false;
    }
  }
}
