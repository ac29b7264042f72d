import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { InstanceInfo } from './instance';
import { MetricsSnapshot, processMetrics } from './metrics';

/** Hash in Redis: one field per process, its metrics as JSON with the time they were taken. */
export const METRICS_HASH = 'metrics:processes';
/** How often each process publishes; a process silent for three periods is left out. */
export const PUBLISH_EVERY_MS = 10_000;
const STALE_MS = 3 * PUBLISH_EVERY_MS;

export const OBSERVABILITY_REDIS = Symbol('OBSERVABILITY_REDIS');
export const OBSERVABILITY_INSTANCE = Symbol('OBSERVABILITY_INSTANCE');

interface Snapshot {
  at: number;
  metrics: MetricsSnapshot;
}

/**
 * Publishes this process's metrics to Redis every few seconds and reads everyone's: so any api
 * instance's /api/metrics counts the requests of all apis and the jobs of all workers. Redis
 * down: nothing is published and each process answers for itself.
 */
@Injectable()
export class MetricsPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsPublisher.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(OBSERVABILITY_REDIS) private readonly redis: Redis,
    @Inject(OBSERVABILITY_INSTANCE) readonly instance: InstanceInfo,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.publish(), PUBLISH_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.hdel(METRICS_HASH, this.instance.id).catch(() => undefined);
  }

  async publish(): Promise<void> {
    try {
      const snapshot: Snapshot = { at: Date.now(), metrics: await processMetrics.registry.getMetricsAsJSON() };
      await this.redis.hset(METRICS_HASH, this.instance.id, JSON.stringify(snapshot));
    } catch (error) {
      this.logger.debug(`metrics not published: ${(error as Error).message}`);
    }
  }

  /** Every live process's metrics, this one's taken now; stale entries (a stopped process) are removed. */
  async snapshots(): Promise<MetricsSnapshot[]> {
    const own = await processMetrics.registry.getMetricsAsJSON();
    const stored = await this.redis.hgetall(METRICS_HASH).catch(() => ({}) as Record<string, string>);
    const others: MetricsSnapshot[] = [];
    const stale: string[] = [];
    for (const [id, json] of Object.entries(stored)) {
      if (id === this.instance.id) continue;
      const snapshot = JSON.parse(json) as Snapshot;
      if (Date.now() - snapshot.at > STALE_MS) stale.push(id);
      else others.push(snapshot.metrics);
    }
    if (stale.length) await this.redis.hdel(METRICS_HASH, ...stale).catch(() => undefined);
    return [own, ...others];
  }
}
