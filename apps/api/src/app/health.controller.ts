import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@worksite/auth-access';
import { REDIS, WORKER_HEARTBEAT_KEY } from '@worksite/server-queue';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

type State = 'up' | 'down';

export interface Health {
  status: 'ok' | 'degraded';
  database: State;
  redis: State;
  /** When a worker last ran its heartbeat job, if ever. */
  workerSeenAt: string | null;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Database and Redis reachability (503 when one is down)',
  })
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const [database, workerSeenAt] = await Promise.all([
      this.dataSource
        .query('SELECT 1')
        .then((): State => 'up')
        .catch((): State => 'down'),
      this.redis.get(WORKER_HEARTBEAT_KEY).then(
        (value) => ({ state: 'up' as State, value }),
        () => ({ state: 'down' as State, value: null }),
      ),
    ]);
    const health: Health = {
      status: database === 'up' && workerSeenAt.state === 'up' ? 'ok' : 'degraded',
      database,
      redis: workerSeenAt.state,
      workerSeenAt: workerSeenAt.value,
    };
    if (health.status !== 'ok') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return health;
  }
}
