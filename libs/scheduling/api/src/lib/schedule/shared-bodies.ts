import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS } from '@worksite/server-queue';
import Redis from 'ioredis';
import type { ScheduleBody } from './schedule-body';

/** A body nobody asked for in this long leaves Redis. */
const TTL_SECONDS = 24 * 60 * 60;

/**
 * The schedules of whole projects as sent (encoded, compressed), shared by every api through
 * Redis: one hash per project and form/encoding holding the revision it was computed at and
 * the bytes. An api that has not computed a project yet (just started, or another instance
 * behind the proxy) answers a revision someone else computed from here, without loading and
 * computing 10,000 tasks. A body of another revision is a miss; Redis unreachable is a miss.
 */
@Injectable()
export class SharedScheduleBodies {
  private readonly logger = new Logger(SharedScheduleBodies.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async get(projectId: string, revision: string, form: string): Promise<ScheduleBody | undefined> {
    if (this.redis.status !== 'ready') return undefined;
    try {
      const [stored, body, encoding] = await this.redis.hmgetBuffer(
        this.key(projectId, form),
        'revision',
        'body',
        'encoding',
      );
      if (!stored || !body || stored.toString() !== revision) return undefined;
      const named = encoding?.toString();
      return { body, encoding: named === 'br' || named === 'gzip' ? named : undefined };
    } catch (error) {
      this.logger.warn(`shared schedule not read: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Stores a body in the background (an answer never waits for it). */
  put(projectId: string, revision: string, form: string, body: ScheduleBody): void {
    if (this.redis.status !== 'ready') return;
    const key = this.key(projectId, form);
    this.redis
      .multi()
      .hset(key, { revision, body: body.body, encoding: body.encoding ?? '' })
      .expire(key, TTL_SECONDS)
      .exec()
      .catch((error: Error) => this.logger.warn(`shared schedule not stored: ${error.message}`));
  }

  private key(projectId: string, form: string): string {
    return `schedule-body:${projectId}:${form}`;
  }
}
