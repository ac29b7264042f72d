import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { InjectQueue } from '@nestjs/bullmq';
import { Controller, HttpCode, HttpStatus, Inject, Injectable, NestMiddleware, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_PREFIX, ApiError, sendError } from '@worksite/api-core';
import { Actor, CurrentActor } from '@worksite/auth-access';
import { AppConfig } from '@worksite/server-config';
import { QueueName, REDIS } from '@worksite/server-queue';
import { Role } from '@worksite/shared-domain';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export const QUEUE_DASHBOARD_PATH = 'admin/queues';
const COOKIE = 'ws_queues';
const TTL_SECONDS = 15 * 60;
const redisDown = () => new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'redis_unavailable', 'queue_dashboard_redis_down');
const sessionKey = (token: string) => `queue-dashboard:${createHash('sha256').update(token).digest('hex')}`;

/** bull-board over every queue, mounted at /api/admin/queues. */
@Injectable()
export class QueueDashboard {
  readonly adapter = new ExpressAdapter();

  constructor(@InjectQueue(QueueName.Notices) notices: Queue) {
    this.adapter.setBasePath(`/${API_PREFIX}/${QUEUE_DASHBOARD_PATH}`);
    createBullBoard({
      queues: [new BullMQAdapter(notices)],
      // @bull-board/express pins its own copy of @bull-board/api; the shapes are the same.
      serverAdapter: this.adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'Worksite queues' } },
    });
  }
}

/**
 * The dashboard is express middleware, outside Nest's guards: it admits only a browser
 * holding a dashboard cookie, which an administrator gets from POST /api/admin/queue-session
 * (15 minutes, HttpOnly, SameSite=Strict, path-bound, stored hashed in Redis). The cookie is
 * bound to the login it was opened from: every request checks that this session is still
 * alive and its user still an active administrator, so logout (or any revocation) ends it.
 */
@Injectable()
export class QueueDashboardGuard implements NestMiddleware {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly dataSource: DataSource,
  ) {}

  async use(request: Request, response: Response, next: NextFunction): Promise<void> {
    const token = (request.cookies as Record<string, string> | undefined)?.[COOKIE];
    let owner: string | null = null;
    try {
      owner = token && /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.redis.get(sessionKey(token)) : null;
    } catch {
      // The queues live in Redis: while it is unreachable there is no dashboard to show.
      sendError(request, response, redisDown());
      return;
    }
    if (owner && (await this.adminSessionAlive(owner))) return next();
    sendError(request, response, new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'queue_dashboard_sign_in'));
  }

  private async adminSessionAlive(owner: string): Promise<boolean> {
    const [userId, sessionId] = owner.split(':');
    if (!userId || !sessionId) return false;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND u.active AND u.role = 'admin'`,
      [sessionId, userId],
    );
    return rows.length > 0;
  }
}

@ApiTags('notices')
@ApiBearerAuth()
@Controller('admin/queue-session')
export class QueueSessionController {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Administrators: a 15-minute cookie that opens the queue dashboard at /api/admin/queues' })
  async open(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response) {
    if (actor.role !== Role.Admin) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', 'queue_dashboard_admin_only');
    }
    const token = randomBytes(32).toString('base64url');
    try {
      await this.redis.set(sessionKey(token), `${actor.id}:${actor.sessionId}`, 'EX', TTL_SECONDS);
    } catch {
      throw redisDown();
    }
    response.cookie(COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.PUBLIC_URL.startsWith('https:'),
      path: `/${API_PREFIX}/${QUEUE_DASHBOARD_PATH}`,
      maxAge: TTL_SECONDS * 1000,
    });
    return { url: `/${API_PREFIX}/${QUEUE_DASHBOARD_PATH}`, expiresInSeconds: TTL_SECONDS };
  }
}
