import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@worksite/auth-access';
import { InstanceInfo, OBSERVABILITY_INSTANCE } from '@worksite/server-observability';
import { REDIS, WORKER_HEARTBEAT_KEY } from '@worksite/server-queue';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

type State = 'up' | 'down';

export interface Health {
  status: 'ok' | 'degraded';
  database: State;
  redis: State;
  /** What is down, by name ('database', 'redis'); empty when all is well. */
  down: ('database' | 'redis')[];
  /** When a worker last wrote its heartbeat (every few seconds while it runs), if one did lately. */
  workerSeenAt: string | null;
  /** Which api process answered (INSTANCE_ID, else host and pid), useful behind a load balancer. */
  instance: InstanceInfo;
}

/**
 * Whether the api can reach PostgreSQL and Redis: 200 when both answer, 503 naming what is
 * down. Plans are read and edited while Redis is down (PostgreSQL is the truth); what needs
 * Redis — queued notices, shared rate limits — resumes when it is back.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(OBSERVABILITY_INSTANCE) private readonly instance: InstanceInfo,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Database and Redis reachability and the worker's last heartbeat (503 naming what is down)",
  })
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    response.setHeader('X-Instance', this.instance.id);
    const [database, heartbeat] = await Promise.all([
      this.dataSource
        .query('SELECT 1')
        .then((): State => 'up')
        .catch((): State => 'down'),
      // The client fails at once while disconnected, and after 2 s without an answer.
      this.redis.get(WORKER_HEARTBEAT_KEY).then(
        (value) => ({ state: 'up' as State, value }),
        () => ({ state: 'down' as State, value: null }),
      ),
    ]);
    const down: Health['down'] = [];
    if (database === 'down') down.push('database');
    if (heartbeat.state === 'down') down.push('redis');
    const health: Health = {
      status: down.length ? 'degraded' : 'ok',
      database,
      redis: heartbeat.state,
      down,
      workerSeenAt: heartbeat.value,
      instance: this.instance,
    };
    if (health.status !== 'ok') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }
}
